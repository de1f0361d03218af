namespace Custodian.Storage;

/// <summary>A superseded version of a rectified record: metadata only, its ciphertext destroyed.</summary>
/// <param name="RecordId">The record id.</param>
/// <param name="Version">The superseded version number.</param>
/// <param name="Source">How that version was obtained.</param>
/// <param name="PurposeKey">The purpose it was collected for.</param>
/// <param name="CollectedAt">When that version was collected.</param>
/// <param name="ReplacedAt">When it was replaced.</param>
public sealed record RecordVersion(string RecordId, int Version, RecordSource Source, string PurposeKey, DateTimeOffset CollectedAt, DateTimeOffset ReplacedAt);
