namespace Custodian.Records;

/// <summary>A retention rule that applies to a processing activity (Art. 30(1)(f)).</summary>
/// <param name="RuleId">The rule's id in the policy.</param>
/// <param name="Period">The time limit in words ("up to 2 months after your subscription ends").</param>
/// <param name="Keep">The ISO 8601 duration.</param>
/// <param name="Action">delete, anonymise or archive.</param>
/// <param name="LegalDuty">Whether the data is kept under a legal duty even against an erasure request.</param>
public sealed record RecordRetention(string RuleId, string Period, string Keep, string Action, bool LegalDuty);
