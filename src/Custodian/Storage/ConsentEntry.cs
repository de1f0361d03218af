namespace Custodian.Storage;

/// <summary>
/// One append-only line of the consent ledger, carrying the fields an ISO/IEC TS 27560 consent
/// receipt needs. All strings are non-personal (keys, versions, form ids) supplied by the caller.
/// </summary>
/// <param name="ConsentId">The receipt record id.</param>
/// <param name="SubjectId">The subject.</param>
/// <param name="Key">The purpose or permission key.</param>
/// <param name="Kind">Purpose or permission.</param>
/// <param name="Given">True when given, false when withdrawn.</param>
/// <param name="Explicit">True for explicit consent (required for special categories).</param>
/// <param name="PolicyVersion">The policy version the person saw.</param>
/// <param name="Method">How it was collected (for example <c>web-form</c>, <c>app-toggle</c>).</param>
/// <param name="Evidence">Non-personal evidence such as a form id.</param>
/// <param name="At">When it was given or withdrawn.</param>
public sealed record ConsentEntry(
    string ConsentId,
    string SubjectId,
    string Key,
    ConsentKind Kind,
    bool Given,
    bool Explicit,
    string PolicyVersion,
    string Method,
    string? Evidence,
    DateTimeOffset At)
{
    /// <summary>The controller named on the receipt.</summary>
    public string? Controller { get; init; }

    /// <summary>The legal basis named on the receipt (normally <c>consent</c>).</summary>
    public string? LegalBasis { get; init; }

    /// <summary>When the store recorded the entry (receipt timestamp); set by the caller, defaults to <see cref="At"/>.</summary>
    public DateTimeOffset? RecordedAt { get; init; }
}
