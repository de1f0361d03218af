namespace Custodian.Notifications;

/// <summary>
/// A transactional message waiting in the store's outbox. The address and the rendered text are sealed under the
/// hold key (they carry the email and, for verification, the code) and destroyed once the message is sent.
/// </summary>
public sealed record OutboxMessage
{
    /// <summary>The message id (<c>msg_…</c>), bound into the sealed content.</summary>
    public required string MessageId { get; init; }

    /// <summary>The request it belongs to, if any.</summary>
    public string? RequestId { get; init; }

    /// <summary>The person, if known.</summary>
    public string? SubjectId { get; init; }

    /// <summary>The template (<c>verification_code</c>, <c>request_received</c>…): non-personal, safe to audit.</summary>
    public required string Template { get; init; }

    /// <summary>The language it was rendered in.</summary>
    public required string Language { get; init; }

    /// <summary>When it was queued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The sealed <see cref="RenderedMessage"/>, or null once sent.</summary>
    public byte[]? Sealed { get; init; }

    /// <summary>The status.</summary>
    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;

    /// <summary>Delivery attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the next attempt is due.</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>When it was sent, or null.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The last delivery error, as a non-personal code (<c>smtp_451</c>, <c>connection_refused</c>).</summary>
    public string? LastError { get; init; }
}
