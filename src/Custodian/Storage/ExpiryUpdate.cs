namespace Custodian.Storage;

/// <summary>A record's recomputed expiry, written in batches when an anchor arrives or a sweep finds the stored one stale.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="ExpiresAt">The new expiry, or null while an anchor has not happened.</param>
public readonly record struct ExpiryUpdate(string RecordId, DateTimeOffset? ExpiresAt);
