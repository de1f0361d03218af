using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Retention writes: expiries, batch erasure, the hold copy, archives and anonymous statistics.</summary>
internal sealed partial class SqliteVaultTransaction
{
    public Task<int> UpdateRecordExpiriesAsync(IReadOnlyList<ExpiryUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var changed = 0;
        foreach (var update in updates)
        {
            changed += Run("UPDATE records SET expires_at = $p1 WHERE id = $p0", cancellationToken, null, update.RecordId, Ticks(update.ExpiresAt));
        }

        return Task.FromResult(changed);
    }

    public Task<int> EraseRecordsAsync(IReadOnlyList<string> recordIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        var erased = 0;
        var ticks = Ticks(at);
        foreach (var id in recordIds)
        {
            erased += Run("UPDATE records SET sealed = NULL, erased_at = $p1 WHERE id = $p0 AND erased_at IS NULL", cancellationToken, null, id, ticks);
        }

        return Task.FromResult(erased);
    }

    public Task<bool> MoveRecordToHoldAsync(string recordId, byte[] sealedValue, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        Task.FromResult(Run(
            "UPDATE records SET sealed = $p1, key_kind = $p2, expires_at = $p3 WHERE id = $p0 AND erased_at IS NULL AND sealed IS NOT NULL",
            cancellationToken,
            null,
            recordId, sealedValue, (int)SealingKeyKind.Hold, Ticks(expiresAt)) > 0);

    public Task WriteArchiveAsync(StoredArchive archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        Run(
            "INSERT INTO archives (id, created_at, algorithm, key_fingerprint, wrapped_key) VALUES ($p0, $p1, $p2, $p3, $p4)",
            cancellationToken,
            VaultStoreException.Duplicate,
            archive.ArchiveId, Ticks(archive.CreatedAt), archive.Algorithm, archive.KeyFingerprint, archive.WrappedKey);
        foreach (var item in archive.Items)
        {
            Run(
                "INSERT INTO archive_items (archive_id, record_id, subject_id, category, purpose, rule, collected_at, sealed) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)",
                cancellationToken,
                VaultStoreException.Duplicate,
                archive.ArchiveId, item.RecordId, item.SubjectId, item.CategoryKey, item.PurposeKey, item.RuleId, Ticks(item.CollectedAt), item.Sealed);
        }

        return Task.CompletedTask;
    }

    public Task AddAnonymousCountsAsync(IReadOnlyList<AnonymousCount> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var count in counts)
        {
            Run(
                "INSERT INTO anonymous_counts (category, purpose, month, value_class, count) VALUES ($p0, $p1, $p2, $p3, $p4) ON CONFLICT (category, purpose, month, value_class) DO UPDATE SET count = count + excluded.count",
                cancellationToken,
                null,
                count.CategoryKey, count.PurposeKey, count.Month, count.ValueClass, count.Count);
        }

        return Task.CompletedTask;
    }
}
