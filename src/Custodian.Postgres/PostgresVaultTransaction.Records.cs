using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Writing, rectifying and erasing records.</summary>
internal sealed partial class PostgresVaultTransaction
{
    public Task WriteRecordsAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var r in records)
        {
            Defer(
                "INSERT INTO records (id, subject_id, key_owner_id, category, source, purpose, collected_at, expires_at, key_kind, version, sealed, erased_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                VaultStoreException.Duplicate,
                r.RecordId, r.SubjectId, r.EffectiveKeyOwnerId, r.CategoryKey, (int)r.Source, r.PurposeKey, Ticks(r.CollectedAt), Ticks(r.ExpiresAt), (int)r.KeyKind, r.Version, r.Sealed, Ticks(r.ErasedAt));
        }

        return Task.CompletedTask;
    }

    public async Task<int> RectifyRecordAsync(string recordId, byte[] sealedValue, RecordSource source, string purposeKey, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        // The old version's metadata goes to history; overwriting sealed destroys its ciphertext.
        const string Sql = """
            WITH old AS (SELECT id, version, source, purpose, collected_at FROM records WHERE id = $1 FOR UPDATE),
            history AS (INSERT INTO record_versions (record_id, version, source, purpose, collected_at, replaced_at)
                        SELECT id, version, source, purpose, collected_at, $5 FROM old)
            UPDATE records r SET sealed = $2, source = $3, purpose = $4, collected_at = $5, expires_at = $6, version = old.version + 1, erased_at = NULL
            FROM old WHERE r.id = old.id
            RETURNING r.version
            """;
        var versions = await QueryInUnitAsync(Sql, [recordId, sealedValue, (int)source, purposeKey, Ticks(at), Ticks(expiresAt)], r => r.GetInt32(0), cancellationToken);
        return versions.Count == 1
            ? versions[0]
            : throw new VaultStoreException(VaultStoreException.UnknownRecord, $"Record {recordId} does not exist.");
    }

    public async Task<bool> EraseRecordAsync(string recordId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await RunAsync("UPDATE records SET sealed = NULL, erased_at = $2 WHERE id = $1 AND erased_at IS NULL", VaultStoreException.Duplicate, cancellationToken, recordId, Ticks(at)) > 0;
}
