namespace Custodian.Storage;

/// <summary>One sealed value of one category about one subject, with what retention and decisions need.</summary>
/// <param name="RecordId">The record id (bound into the sealed value).</param>
/// <param name="SubjectId">The subject the record is about now (the survivor after a merge).</param>
/// <param name="CategoryKey">The data category key.</param>
/// <param name="Source">How the value was obtained.</param>
/// <param name="PurposeKey">The purpose it was collected for.</param>
/// <param name="CollectedAt">When it was collected.</param>
/// <param name="ExpiresAt">When retention ends, or null when it runs until an event.</param>
/// <param name="KeyKind">Which key sealed it.</param>
/// <param name="Sealed">The sealed value, or null once destroyed.</param>
public sealed record StoredRecord(
    string RecordId,
    string SubjectId,
    string CategoryKey,
    RecordSource Source,
    string PurposeKey,
    DateTimeOffset CollectedAt,
    DateTimeOffset? ExpiresAt,
    SealingKeyKind KeyKind,
    byte[]? Sealed)
{
    /// <summary>The subject whose key and id sealed the value; differs from <see cref="SubjectId"/> after a merge. Defaults to the subject.</summary>
    public string? KeyOwnerId { get; init; }

    /// <summary>The version, from 1; each rectification adds one.</summary>
    public int Version { get; init; } = 1;

    /// <summary>When the value was erased (ciphertext destroyed, metadata kept), or null.</summary>
    public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>The key owner, defaulting to the subject.</summary>
    public string EffectiveKeyOwnerId => KeyOwnerId ?? SubjectId;
}
