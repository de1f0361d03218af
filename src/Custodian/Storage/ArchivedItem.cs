namespace Custodian.Storage;

/// <summary>One archived record: metadata in the clear (ids and keys only) and the sealed value.</summary>
/// <param name="RecordId">The record it was.</param>
/// <param name="SubjectId">The subject it is about.</param>
/// <param name="CategoryKey">Its category.</param>
/// <param name="PurposeKey">The purpose it was collected for.</param>
/// <param name="RuleId">The retention rule that archived it.</param>
/// <param name="CollectedAt">When it was collected.</param>
/// <param name="Sealed">Nonce, ciphertext and tag under the archive key.</param>
public sealed record ArchivedItem(string RecordId, string SubjectId, string CategoryKey, string PurposeKey, string RuleId, DateTimeOffset CollectedAt, byte[] Sealed);
