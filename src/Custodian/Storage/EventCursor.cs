namespace Custodian.Storage;

/// <summary>
/// Where a keyset walk over a subject's events stands: the (time, id) of the last event visited, advanced by the
/// store as events are visited. A new cursor starts before the first event.
/// </summary>
public sealed class EventCursor
{
    /// <summary>The time of the last event visited.</summary>
    public DateTimeOffset At { get; set; } = DateTimeOffset.MinValue;

    /// <summary>The id of the last event visited; null before the first.</summary>
    public string? EventId { get; set; }
}
