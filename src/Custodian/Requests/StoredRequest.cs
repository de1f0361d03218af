namespace Custodian.Requests;

/// <summary>
/// A data-subject request as the store keeps it. Holds no plain personal value: the person's email is sealed under
/// the hold key (so the answer can still be sent after an erasure), the code only as a PBKDF2 hash.
/// </summary>
public sealed record StoredRequest
{
    /// <summary>The request id (<c>req_…</c>).</summary>
    public required string RequestId { get; init; }

    /// <summary>The person, or null when the email given matches nobody (the answer then says no data is held).</summary>
    public string? SubjectId { get; init; }

    /// <summary>What is asked.</summary>
    public required RequestKind Kind { get; init; }

    /// <summary>The current status.</summary>
    public required RequestStatus Status { get; init; }

    /// <summary>Who submitted it.</summary>
    public required RequestChannel Channel { get; init; }

    /// <summary>When it was received; the deadline counts from here.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The deadline: received plus the policy's response time, plus the extension once extended.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The language answers are written in (<c>en</c>, <c>da</c>).</summary>
    public required string Language { get; init; }

    /// <summary>The person's email sealed under the hold key, bound to the request id; null when none was given.</summary>
    public byte[]? ContactSealed { get; init; }

    /// <summary>The purpose an objection or withdrawal names, or null (a withdrawal then covers every consent).</summary>
    public string? Purpose { get; init; }

    /// <summary>The one-time code's PBKDF2 hash, or null once used or when none was sent.</summary>
    public string? CodeHash { get; init; }

    /// <summary>When the code stops working.</summary>
    public DateTimeOffset? CodeExpiresAt { get; init; }

    /// <summary>Wrong codes tried so far.</summary>
    public int CodeAttempts { get; init; }

    /// <summary>When the deadline was extended, or null.</summary>
    public DateTimeOffset? ExtendedAt { get; init; }

    /// <summary>A stable reason code for an extension or a refusal (<c>legal_hold</c>, <c>complexity</c>…).</summary>
    public string? ReasonCode { get; init; }

    /// <summary>The reason in the staff's words, shown to the person; never audited.</summary>
    public string? Reason { get; init; }

    /// <summary>The answer summary as JSON (categories, rule ids, dates, recipients): never personal values.</summary>
    public string? ResultJson { get; init; }

    /// <summary>When it was completed or denied, or null.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>True while the request still needs an answer.</summary>
    public bool IsOpen => Status is not (RequestStatus.Completed or RequestStatus.Denied);

    /// <summary>True when it is open and its deadline has passed at <paramref name="at"/>.</summary>
    public bool IsOverdueAt(DateTimeOffset at) => IsOpen && at > DueAt;
}
