namespace Custodian.Client.Contracts;

/// <summary>One value a read returned.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="CategoryKey">The category.</param>
/// <param name="Value">The value.</param>
/// <param name="CollectedAt">When it was collected.</param>
/// <param name="Source">How it was obtained (provided, observed, device, derived, third_party).</param>
public sealed record ReadValue(string RecordId, string CategoryKey, string Value, DateTimeOffset CollectedAt, string Source);
