namespace Custodian.Retention;

/// <summary>The planner's answer for one record: what to do, under which rule, and the expiry to store when it is kept.</summary>
/// <param name="Outcome">What to do.</param>
/// <param name="RuleIndex">The index of the deciding rule in the policy's retention rules, or -1.</param>
/// <param name="ExpiresAt">The record's expiry (null while an anchor has not happened).</param>
public readonly record struct RetentionVerdict(RetentionOutcome Outcome, int RuleIndex, DateTimeOffset? ExpiresAt);
