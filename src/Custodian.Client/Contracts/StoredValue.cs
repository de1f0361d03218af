namespace Custodian.Client.Contracts;

/// <summary>A stored record's id and category.</summary>
/// <param name="RecordId">The record id.</param>
/// <param name="CategoryKey">The category.</param>
public sealed record StoredValue(string RecordId, string CategoryKey);
