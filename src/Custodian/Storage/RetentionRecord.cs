namespace Custodian.Storage;

/// <summary>
/// What retention needs of one live record, without its sealed value: reading a million of these is cheap, and only
/// records that must be archived or anonymised are opened afterwards.
/// </summary>
/// <param name="RecordId">The record.</param>
/// <param name="SubjectId">The subject it is about now.</param>
/// <param name="CategoryKey">Its category.</param>
/// <param name="PurposeKey">The purpose it was collected for.</param>
/// <param name="CollectedAt">When it was collected.</param>
/// <param name="ExpiresAt">The expiry stored with it, or null.</param>
/// <param name="KeyKind">Whether it is the live copy (subject key) or the copy kept under a legal duty (hold key).</param>
public sealed record RetentionRecord(string RecordId, string SubjectId, string CategoryKey, string PurposeKey, DateTimeOffset CollectedAt, DateTimeOffset? ExpiresAt, SealingKeyKind KeyKind);
