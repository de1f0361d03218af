namespace Custodian.Retention;

/// <summary>How many records of one category one rule sent to one outcome in a run.</summary>
/// <param name="RuleId">The deciding rule, or <c>-</c> when none.</param>
/// <param name="CategoryKey">The category.</param>
/// <param name="Outcome">What happened to them.</param>
/// <param name="Count">How many.</param>
public sealed record RetentionTally(string RuleId, string CategoryKey, RetentionOutcome Outcome, long Count);
