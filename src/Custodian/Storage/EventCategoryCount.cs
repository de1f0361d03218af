namespace Custodian.Storage;

/// <summary>A person's events of one category counted without reading a value, so a summary costs no decryption.</summary>
/// <param name="CategoryKey">The category.</param>
/// <param name="Count">How many events.</param>
/// <param name="First">The earliest event's time.</param>
/// <param name="Last">The latest event's time.</param>
public sealed record EventCategoryCount(string CategoryKey, long Count, DateTimeOffset First, DateTimeOffset Last);
