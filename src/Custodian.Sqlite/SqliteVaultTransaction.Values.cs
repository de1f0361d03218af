using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;
using Microsoft.Data.Sqlite;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Writing records and event batches: the hot paths, each binding one prepared command per row.</summary>
internal sealed partial class SqliteVaultTransaction
{
    private const string RecordsVersionSql =
        "INSERT INTO subject_state_versions (subject_id, version, records_version) VALUES ($p0, 0, 1) ON CONFLICT (subject_id) DO UPDATE SET records_version = records_version + 1";

    public Task WriteRecordsAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var command = Command("INSERT INTO records (id, subject_id, key_owner_id, category, source, purpose, collected_at, expires_at, key_kind, version, sealed, erased_at) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)");
        var p = command.Parameters;
        string? lastSubject = null;
        try
        {
            foreach (var r in records)
            {
                p[0].Value = r.RecordId;
                p[1].Value = r.SubjectId;
                p[2].Value = r.EffectiveKeyOwnerId;
                p[3].Value = r.CategoryKey;
                p[4].Value = (int)r.Source;
                p[5].Value = r.PurposeKey;
                p[6].Value = Ticks(r.CollectedAt);
                p[7].Value = Ticks(r.ExpiresAt);
                p[8].Value = (int)r.KeyKind;
                p[9].Value = r.Version;
                p[10].Value = (object?)r.Sealed ?? DBNull.Value;
                p[11].Value = Ticks(r.ErasedAt);
                command.ExecuteNonQuery();

                // The records version moves once per person and batch (migration 0009); updates and deletes move it by trigger.
                if (!string.Equals(r.SubjectId, lastSubject, StringComparison.Ordinal))
                {
                    Run(RecordsVersionSql, cancellationToken, null, r.SubjectId);
                    lastSubject = r.SubjectId;
                }
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw Translate(ex, VaultStoreException.Duplicate);
        }

        return Task.CompletedTask;
    }

    public Task<int> RectifyRecordAsync(string recordId, byte[] sealedValue, RecordSource source, string purposeKey, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var archived = Run(
            "INSERT INTO record_versions (record_id, version, source, purpose, collected_at, replaced_at) SELECT id, version, source, purpose, collected_at, $p1 FROM records WHERE id = $p0",
            cancellationToken,
            null,
            recordId,
            Ticks(at));
        if (archived == 0)
        {
            throw new VaultStoreException(VaultStoreException.UnknownRecord, $"Record {recordId} does not exist.");
        }

        // Overwriting the sealed column destroys the old ciphertext; only its metadata stays in record_versions.
        Run(
            "UPDATE records SET sealed = $p1, source = $p2, purpose = $p3, collected_at = $p4, expires_at = $p5, version = version + 1, erased_at = NULL WHERE id = $p0",
            cancellationToken,
            null,
            recordId, sealedValue, (int)source, purposeKey, Ticks(at), Ticks(expiresAt));
        return Task.FromResult(Scalar("SELECT version FROM records WHERE id = $p0", cancellationToken, recordId));
    }

    public Task<bool> EraseRecordAsync(string recordId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(Run("UPDATE records SET sealed = NULL, erased_at = $p1 WHERE id = $p0 AND erased_at IS NULL", cancellationToken, null, recordId, Ticks(at)) > 0);

    public Task AppendEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();
        var command = Command("INSERT INTO events (id, subject_id, key_owner_id, category, at, device_id, sealed) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)");
        var p = command.Parameters;
        try
        {
            foreach (var e in events)
            {
                p[0].Value = e.EventId;
                p[1].Value = e.SubjectId;
                p[2].Value = e.EffectiveKeyOwnerId;
                p[3].Value = e.CategoryKey;
                p[4].Value = e.At.UtcTicks;
                p[5].Value = (object?)e.DeviceId ?? DBNull.Value;
                p[6].Value = e.Sealed;
                command.ExecuteNonQuery();
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw Translate(ex, VaultStoreException.Duplicate);
        }

        return Task.CompletedTask;
    }
}
