using Custodian.Requests;

namespace Custodian.Server.Contracts;

/// <summary>
/// Submits a data-subject request. With only <c>email</c> the person's own request is submitted and a one-time code is
/// mailed to them; with <c>subject</c> a service key created to vouch (<c>--vouch</c>) vouches for a person it has signed in, or an administrator submits on
/// the person's behalf, and the request is verified at once.
/// </summary>
public sealed record SubmitRequestBody
{
    /// <summary>What is asked: access, portability, rectification, erasure, restriction, objection, consent_withdrawal.</summary>
    public required RequestKind Kind { get; init; }

    /// <summary>The person (<c>sub_…</c>) when a service vouches or an administrator submits.</summary>
    public string? Subject { get; init; }

    /// <summary>The person's email: required for their own request (the code goes there); where answers are sent.</summary>
    public string? Email { get; init; }

    /// <summary>The language of messages and the report (<c>en</c>, <c>da</c>); the policy's first language by default.</summary>
    public string? Language { get; init; }

    /// <summary>For an objection (required) or a consent withdrawal (optional): the purpose.</summary>
    public string? Purpose { get; init; }

    /// <summary>Force the person's own channel (<c>person</c>) even when a subject is known; by default inferred.</summary>
    public RequestChannel? Channel { get; init; }
}

/// <summary>The one-time code the person received.</summary>
public sealed record VerifyRequestBody
{
    /// <summary>The six-digit code.</summary>
    public required string Code { get; init; }
}

/// <summary>Completes a request; a rectification names the category and the corrected value.</summary>
public sealed record CompleteRequestBody
{
    /// <summary>For a rectification: the category to correct.</summary>
    public string? Category { get; init; }

    /// <summary>For a rectification: the corrected value (never stored in the request or audited).</summary>
    public string? Value { get; init; }
}

/// <summary>Extends the deadline once, with a reason the person is told.</summary>
public sealed record ExtendRequestBody
{
    /// <summary>Why more time is needed; sent to the person.</summary>
    public required string Reason { get; init; }

    /// <summary>By how much (ISO 8601 period such as <c>P1M</c>); the policy's whole <c>rights.extension</c> by default.</summary>
    public string? By { get; init; }
}

/// <summary>Refuses a request.</summary>
public sealed record DenyRequestBody
{
    /// <summary>A short stable code (<c>manifestly_unfounded</c>, <c>identity_not_proven</c>).</summary>
    public required string ReasonCode { get; init; }

    /// <summary>The reason in words; sent to the person with the right to complain.</summary>
    public required string Reason { get; init; }
}

/// <summary>A request as the API shows it: no personal values, only ids, codes and dates.</summary>
/// <param name="Id">The request id.</param>
/// <param name="Kind">What is asked.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Channel">Who submitted it.</param>
/// <param name="Subject">The person, when known (left out of the answer to a person's own submission).</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="DueAt">The deadline.</param>
/// <param name="Overdue">Open and past its deadline.</param>
/// <param name="Language">The language of messages.</param>
public sealed record RequestView(string Id, RequestKind Kind, RequestStatus Status, RequestChannel Channel, string? Subject, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, bool Overdue, string Language)
{
    /// <summary>The purpose of an objection or withdrawal.</summary>
    public string? Purpose { get; init; }

    /// <summary>When the deadline was extended.</summary>
    public DateTimeOffset? ExtendedAt { get; init; }

    /// <summary>When it was completed or denied.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The reason code of an extension or refusal.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>The reason in words, as told to the person.</summary>
    public string? Reason { get; init; }

    /// <summary>What completing it did (erased and kept categories, recipients to inform).</summary>
    public RequestAnswer? Answer { get; init; }

    /// <summary>Where to fetch the package of a completed access or portability request.</summary>
    public string? Package { get; init; }

    /// <summary>
    /// On complete, extend and deny: whether a message telling the person was queued. False when the request has no
    /// email address (a service or administrator submitted it without one): the person must be told another way.
    /// </summary>
    public bool? Notified { get; init; }

    /// <summary>When <see cref="Notified"/> is false: that the person was not told, why, and what to do.</summary>
    public string? NotNotifiedReason { get; init; }

    /// <summary>Every status change (on show only).</summary>
    public IReadOnlyList<RequestHistoryView>? History { get; init; }
}

/// <summary>One status change.</summary>
/// <param name="Status">The status entered.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who (a key id, <c>person</c>, <c>system</c>).</param>
/// <param name="ReasonCode">Why, as a code.</param>
public sealed record RequestHistoryView(RequestStatus Status, DateTimeOffset At, string Actor, string? ReasonCode);
