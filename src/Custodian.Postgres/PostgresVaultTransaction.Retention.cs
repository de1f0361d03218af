using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Retention writes: expiries, batch erasure, the hold copy, archives and anonymous statistics; batches go as one statement or one round trip.</summary>
internal sealed partial class PostgresVaultTransaction
{
    public async Task<int> UpdateRecordExpiriesAsync(IReadOnlyList<ExpiryUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0) return 0;

        // One statement for the batch; the last update for an id wins, and each existing id counts once.
        var latest = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var update in updates) latest[update.RecordId] = Ticks(update.ExpiresAt);
        return await RunAsync(
            "UPDATE records r SET expires_at = u.expires_at FROM unnest($1::text[], $2::bigint[]) AS u(id, expires_at) WHERE r.id = u.id",
            VaultStoreException.Duplicate,
            cancellationToken,
            latest.Keys.ToArray(),
            latest.Values.ToArray());
    }

    public async Task<int> EraseRecordsAsync(IReadOnlyList<string> recordIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        return recordIds.Count == 0
            ? 0
            : await RunAsync("UPDATE records SET sealed = NULL, erased_at = $2 WHERE id = ANY($1) AND erased_at IS NULL", VaultStoreException.Duplicate, cancellationToken, recordIds.ToArray(), Ticks(at));
    }

    public async Task<bool> MoveRecordToHoldAsync(string recordId, byte[] sealedValue, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        await RunAsync(
            "UPDATE records SET sealed = $2, key_kind = $3, expires_at = $4 WHERE id = $1 AND erased_at IS NULL AND sealed IS NOT NULL",
            VaultStoreException.Duplicate,
            cancellationToken,
            recordId, sealedValue, (int)SealingKeyKind.Hold, Ticks(expiresAt)) > 0;

    public async Task WriteArchiveAsync(StoredArchive archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        await RunAsync(
            "INSERT INTO archives (id, created_at, algorithm, key_fingerprint, wrapped_key) VALUES ($1, $2, $3, $4, $5)",
            VaultStoreException.Duplicate,
            cancellationToken,
            archive.ArchiveId, Ticks(archive.CreatedAt), archive.Algorithm, archive.KeyFingerprint, archive.WrappedKey);
        if (archive.Items.Count == 0) return;

        await FlushAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(_connection, _transaction);
        foreach (var item in archive.Items)
        {
            batch.BatchCommands.Add(BatchCommand(
                "INSERT INTO archive_items (archive_id, record_id, subject_id, category, purpose, rule, collected_at, sealed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                archive.ArchiveId, item.RecordId, item.SubjectId, item.CategoryKey, item.PurposeKey, item.RuleId, Ticks(item.CollectedAt), item.Sealed));
        }

        await ExecuteBatchAsync(batch, VaultStoreException.Duplicate, cancellationToken);
    }

    public async Task AddAnonymousCountsAsync(IReadOnlyList<AnonymousCount> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0) return;

        // Statements in a batch run in order, so a cell named twice grows twice.
        await FlushAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(_connection, _transaction);
        foreach (var count in counts)
        {
            batch.BatchCommands.Add(BatchCommand(
                "INSERT INTO anonymous_counts AS a (category, purpose, month, value_class, count) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (category, purpose, month, value_class) DO UPDATE SET count = a.count + excluded.count",
                count.CategoryKey, count.PurposeKey, count.Month, count.ValueClass, count.Count));
        }

        await ExecuteBatchAsync(batch, VaultStoreException.Duplicate, cancellationToken);
    }
}
