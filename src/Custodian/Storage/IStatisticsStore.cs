namespace Custodian.Storage;

/// <summary>Scans for anonymous statistics: event metadata of people not erased, with the bound device's type.</summary>
public interface IStatisticsStore
{
    /// <summary>Events in <c>[since, until)</c> of subjects that are not erased, oldest first, with sealed values only when asked.</summary>
    IAsyncEnumerable<EventMetadata> ScanEventsAsync(DateTimeOffset since, DateTimeOffset until, bool withValues, CancellationToken cancellationToken);
}

/// <summary>One event as statistics see it: who (pseudonymous), what category, when, which device type; the sealed value only when asked.</summary>
/// <param name="EventId">The event id (bound into the sealed value).</param>
/// <param name="SubjectId">The person (the survivor after merges).</param>
/// <param name="KeyOwnerId">Whose key sealed the value.</param>
/// <param name="CategoryKey">Its category.</param>
/// <param name="At">When it was observed.</param>
/// <param name="DeviceType">The type of the device it came from, when the device is registered.</param>
/// <param name="Sealed">The sealed value, when asked for.</param>
public sealed record EventMetadata(string EventId, string SubjectId, string KeyOwnerId, string CategoryKey, DateTimeOffset At, string? DeviceType, byte[]? Sealed);
