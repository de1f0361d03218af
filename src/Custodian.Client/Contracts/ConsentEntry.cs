namespace Custodian.Client.Contracts;

/// <summary>One line of the consent ledger: the fields of an ISO/IEC TS 27560 consent receipt.</summary>
/// <param name="ConsentId">The receipt id.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Key">The purpose or permission key.</param>
/// <param name="Kind">purpose or permission.</param>
/// <param name="Given">True when given, false when withdrawn.</param>
/// <param name="Explicit">Whether it is explicit.</param>
/// <param name="PolicyVersion">The policy version the person saw.</param>
/// <param name="Method">How it was collected.</param>
/// <param name="Evidence">Non-personal evidence.</param>
/// <param name="At">When it was given or withdrawn.</param>
/// <param name="Controller">The controller on the receipt.</param>
/// <param name="LegalBasis">The legal basis on the receipt.</param>
/// <param name="RecordedAt">When the store recorded it.</param>
public sealed record ConsentEntry(string ConsentId, string SubjectId, string Key, string Kind, bool Given, bool Explicit, string PolicyVersion, string Method, string? Evidence,
    DateTimeOffset At, string? Controller = null, string? LegalBasis = null, DateTimeOffset? RecordedAt = null);
