namespace Custodian.Storage;

/// <summary>What <see cref="IVaultTransaction.ShredAndPurgeSubjectAsync"/> did.</summary>
/// <param name="KeysDestroyed">The wrapped data keys deleted: the person's and those of the people merged into them.</param>
/// <param name="RowsPurged">The rows deleted in the same transaction, or -1 when there were more than the limit and they are left to the batched purge.</param>
public sealed record ShredAndPurgeResult(int KeysDestroyed, int RowsPurged);
