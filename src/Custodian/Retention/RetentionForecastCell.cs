namespace Custodian.Retention;

/// <summary>How many records of a category expire in a month, and what happens to them then.</summary>
/// <param name="Month">The month, <c>yyyy-MM</c> (UTC).</param>
/// <param name="CategoryKey">The category.</param>
/// <param name="Outcome">What expiry does to them (delete, anonymise, archive, move to hold, or held by a legal hold).</param>
/// <param name="Count">How many.</param>
public sealed record RetentionForecastCell(string Month, string CategoryKey, RetentionOutcome Outcome, long Count);
