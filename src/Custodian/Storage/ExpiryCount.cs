namespace Custodian.Storage;

/// <summary>How many live records of one category expire in one calendar month, for the retention forecast of the admin console.</summary>
/// <param name="Month">The first day of the month (UTC) the records expire in; null for records whose expiry waits for an event (a relationship's end).</param>
/// <param name="CategoryKey">The category.</param>
/// <param name="Count">How many records.</param>
public sealed record ExpiryCount(DateOnly? Month, string CategoryKey, long Count);
