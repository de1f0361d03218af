namespace Custodian.Retention;

/// <summary>One record as it goes into an archive and comes out of it with the management private key.</summary>
/// <param name="RecordId">The record it was.</param>
/// <param name="SubjectId">The person it is about (pseudonymous id).</param>
/// <param name="CategoryKey">Its category.</param>
/// <param name="PurposeKey">The purpose it was collected for.</param>
/// <param name="RuleId">The retention rule that archived it.</param>
/// <param name="CollectedAt">When it was collected.</param>
/// <param name="Value">The value.</param>
public sealed record ArchivedValue(string RecordId, string SubjectId, string CategoryKey, string PurposeKey, string RuleId, DateTimeOffset CollectedAt, string Value);
