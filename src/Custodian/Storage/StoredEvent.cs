namespace Custodian.Storage;

/// <summary>A time-stamped sealed observation (device reading, usage); written in batches.</summary>
/// <param name="EventId">The event id (bound into the sealed value).</param>
/// <param name="SubjectId">The subject it is about now.</param>
/// <param name="CategoryKey">The data category key.</param>
/// <param name="At">When it was observed.</param>
/// <param name="DeviceId">The device id, or null.</param>
/// <param name="Sealed">The sealed value.</param>
public sealed record StoredEvent(string EventId, string SubjectId, string CategoryKey, DateTimeOffset At, string? DeviceId, byte[] Sealed)
{
    /// <summary>The subject whose key sealed the value; differs from <see cref="SubjectId"/> after a merge.</summary>
    public string? KeyOwnerId { get; init; }

    /// <summary>The key owner, defaulting to the subject.</summary>
    public string EffectiveKeyOwnerId => KeyOwnerId ?? SubjectId;
}
