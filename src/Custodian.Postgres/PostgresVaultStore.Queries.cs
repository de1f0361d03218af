using System.Buffers;
using System.Data;
using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Subject state, the audit chain stream, purging and the read plumbing of <see cref="PostgresVaultStore"/>.</summary>
public sealed partial class PostgresVaultStore
{
    private const string SubjectColumns = "id, created_at, birth_date_sealed, merged_into, merged_at, shredded_at";
    private const string RecordColumns = "id, subject_id, key_owner_id, category, source, purpose, collected_at, expires_at, key_kind, version, sealed, erased_at";

    private const string StateVersionSql = "COALESCE((SELECT version FROM subject_state_versions WHERE subject_id = $1), 0)";

    /// <inheritdoc />
    /// <remarks>One repeatable-read snapshot and one round trip: every ledger is sent as one batch.</remarks>
    public Task<SubjectState?> LoadSubjectStateAsync(string subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async connection =>
            {
                await using var batch = SnapshotBatch(connection);
                AddStateCommands(batch, subjectId, withKey: false);
                return await InSnapshotAsync(connection, batch, async reader => await ReadStateAsync(reader, cancellationToken), cancellationToken);
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One repeatable-read snapshot per round trip. A caller holding a copy of the state is taken at its word first: the
    /// version and the records are all that is read, four statements instead of thirteen. Only when the version moved
    /// (or no copy is held) is everything read, the version included, in one snapshot. The records are not versioned
    /// here, so they come every time they are asked for.
    /// </remarks>
    public Task<SubjectView> GetSubjectViewAsync(string subjectId, SubjectVersions known, bool withRecords, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async connection =>
            {
                if (known.State is { } held)
                {
                    var current = await ReadViewAsync(connection, subjectId, withState: false, withRecords, cancellationToken);
                    if (current.Versions.State == held) return current;
                }

                return await ReadViewAsync(connection, subjectId, withState: true, withRecords, cancellationToken);
            },
            cancellationToken);

    /// <summary>The version and, as asked, the state with its key and the records, in one snapshot and one round trip.</summary>
    private static async Task<SubjectView> ReadViewAsync(NpgsqlConnection connection, string subjectId, bool withState, bool withRecords, CancellationToken cancellationToken)
    {
        await using var batch = SnapshotBatch(connection);
        batch.BatchCommands.Add(BatchCommand($"SELECT {StateVersionSql}", subjectId));
        if (withState) AddStateCommands(batch, subjectId, withKey: true);
        if (withRecords) batch.BatchCommands.Add(BatchCommand($"SELECT {RecordColumns} FROM records WHERE subject_id = $1 ORDER BY collected_at, id", subjectId));
        return await InSnapshotAsync(
            connection,
            batch,
            async reader =>
            {
                await reader.ReadAsync(cancellationToken);
                var version = reader.GetInt64(0);
                SubjectState? state = null;
                WrappedSubjectKey? key = null;
                if (withState)
                {
                    await reader.NextResultAsync(cancellationToken);
                    state = await ReadStateAsync(reader, cancellationToken);
                    key = (await NextResultAsync(reader, MapSubjectKey, cancellationToken)).FirstOrDefault();
                }

                var records = withRecords ? await NextResultAsync(reader, MapRecord, cancellationToken) : null;
                return new SubjectView(new SubjectVersions(version, null), !withState, state, key, records);
            },
            cancellationToken);
    }

    private const int LedgerCount = 7;

    /// <summary>A batch that opens a repeatable-read snapshot; <see cref="InSnapshotAsync"/> closes it in the same round trip.</summary>
    private static NpgsqlBatch SnapshotBatch(NpgsqlConnection connection) =>
        new(connection) { BatchCommands = { new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") } };

    /// <summary>Sends the batch with a closing <c>COMMIT</c> and reads its results (the <c>BEGIN</c>'s already skipped).</summary>
    private static async Task<T> InSnapshotAsync<T>(NpgsqlConnection connection, NpgsqlBatch batch, Func<NpgsqlDataReader, Task<T>> read, CancellationToken cancellationToken)
    {
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            return await read(reader);
        }
        catch
        {
            // A batch cut short leaves the snapshot open: close it before the connection goes back to the pool.
            if (connection.FullState == ConnectionState.Open) await new NpgsqlCommand("ROLLBACK", connection).ExecuteNonQueryAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>The subject row (with its key flag and state version) and the seven ledgers; with <paramref name="withKey"/> also the wrapped key.</summary>
    private static void AddStateCommands(NpgsqlBatch batch, string subjectId, bool withKey)
    {
        batch.BatchCommands.Add(BatchCommand($"SELECT id, created_at, birth_date_sealed, merged_into, merged_at, shredded_at, EXISTS (SELECT 1 FROM subject_keys k WHERE k.subject_id = s.id), {StateVersionSql} FROM subjects s WHERE id = $1", subjectId));
        batch.BatchCommands.Add(BatchCommand("SELECT id, subject_id, key, kind, given, explicit, policy_version, method, evidence, at, recorded_at, controller, legal_basis FROM consents WHERE subject_id = $1 ORDER BY at, seq", subjectId));
        batch.BatchCommands.Add(BatchCommand("SELECT id, subject_id, purpose, at, lifted_at FROM objections WHERE subject_id = $1 ORDER BY at, seq", subjectId));
        batch.BatchCommands.Add(BatchCommand("SELECT subject_id, restricted, at FROM restrictions WHERE subject_id = $1 ORDER BY at, seq", subjectId));
        batch.BatchCommands.Add(BatchCommand("SELECT id, subject_id, reason, from_at, until_at, lifted_at FROM legal_holds WHERE subject_id = $1 ORDER BY from_at, seq", subjectId));
        batch.BatchCommands.Add(BatchCommand("SELECT subject_id, kind, event, at FROM relationship_events WHERE subject_id = $1 ORDER BY at, seq", subjectId));
        batch.BatchCommands.Add(BatchCommand("SELECT subject_id, recipient, given, at FROM recipient_authorisations WHERE subject_id = $1 ORDER BY at, seq", subjectId));
        batch.BatchCommands.Add(BatchCommand("SELECT subject_id, given, at, guardian_ref FROM guardian_consents WHERE subject_id = $1 ORDER BY at, seq", subjectId));
        if (withKey) batch.BatchCommands.Add(BatchCommand("SELECT subject_id, key_id, wrapped, created_at FROM subject_keys WHERE subject_id = $1", subjectId));
    }

    /// <summary>Reads the results of <see cref="AddStateCommands"/> (without the key), the reader on the subject row's result; null for no subject.</summary>
    private static async Task<SubjectState?> ReadStateAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
        {
            await SkipResultsAsync(reader, LedgerCount, cancellationToken);
            return null;
        }

        var subject = MapSubject(reader);
        var hasDataKey = reader.GetBoolean(6);
        var version = reader.GetInt64(7);
        return new SubjectState
        {
            Subject = subject,
            HasDataKey = hasDataKey,
            Version = version,
            Consents = await NextResultAsync(reader, r => new ConsentEntry(r.GetString(0), r.GetString(1), r.GetString(2), (ConsentKind)r.GetInt32(3), r.GetBoolean(4), r.GetBoolean(5), r.GetString(6), r.GetString(7), OptionalString(r, 8), Time(r, 9))
            {
                RecordedAt = Time(r, 10),
                Controller = OptionalString(r, 11),
                LegalBasis = OptionalString(r, 12),
            }, cancellationToken),
            Objections = await NextResultAsync(reader, r => new Objection(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3), OptionalTime(r, 4)), cancellationToken),
            Restrictions = await NextResultAsync(reader, r => new RestrictionChange(r.GetString(0), r.GetBoolean(1), Time(r, 2)), cancellationToken),
            LegalHolds = await NextResultAsync(reader, r => new LegalHold(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3), OptionalTime(r, 4), OptionalTime(r, 5)), cancellationToken),
            Relationships = await NextResultAsync(reader, r => new RelationshipEvent(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3)), cancellationToken),
            RecipientAuthorisations = await NextResultAsync(reader, r => new RecipientAuthorisation(r.GetString(0), r.GetString(1), r.GetBoolean(2), Time(r, 3)), cancellationToken),
            GuardianConsents = await NextResultAsync(reader, r => new GuardianConsent(r.GetString(0), r.GetBoolean(1), Time(r, 2), r.GetString(3)), cancellationToken),
        };
    }

    private static async Task SkipResultsAsync(NpgsqlDataReader reader, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++) await reader.NextResultAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Kept by statement triggers (migration 0007) in the writing transaction, so a change committed by any server on
    /// the schema is seen by the next call; 0 for a subject nothing has changed since it was created.
    /// </remarks>
    public Task<long?> GetSubjectStateVersionAsync(string subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async c => (long?)(await ScalarAsync<long?>(c, "SELECT version FROM subject_state_versions WHERE subject_id = $1", cancellationToken, subjectId) ?? 0),
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Streams rows with sequential access and copies each body and hash into one reused buffer,
    /// so a verification of millions of entries allocates nothing per entry.
    /// </remarks>
    public Task ReadAuditChainAsync(long fromSequence, IAuditChainVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return WithConnectionAsync(
            async connection =>
            {
                // A snapshot for the whole stream, so entries committed meanwhile cannot appear half-way.
                await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                await using var command = Create(connection, "SELECT seq, body, hash FROM audit_entries WHERE seq >= $1 ORDER BY seq", fromSequence);
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
                var buffer = ArrayPool<byte>.Shared.Rent(4096);
                try
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var sequence = reader.GetInt64(0);
                        var bodyLength = (int)reader.GetBytes(1, 0, null, 0, 0);
                        if (buffer.Length < bodyLength + 64)
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = ArrayPool<byte>.Shared.Rent((bodyLength + 64) * 2);
                        }

                        reader.GetBytes(1, 0, buffer, 0, bodyLength);
                        var hashLength = (int)reader.GetBytes(2, 0, buffer, bodyLength, 64);
                        if (!visitor.VisitEntry(sequence, buffer.AsSpan(0, bodyLength), buffer.AsSpan(bodyLength, hashLength)))
                        {
                            break;
                        }
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Runs in its own short transaction without the chain head lock: purged rows are unreadable already, and writers are not held up.</remarks>
    public Task<int> PurgeShreddedAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return WithConnectionAsync(
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var deleted = await ExecuteAsync(
                    connection,
                    "DELETE FROM events WHERE id IN (SELECT e.id FROM subjects s JOIN events e ON e.subject_id = s.id WHERE s.shredded_at IS NOT NULL AND s.purged_at IS NULL LIMIT $1)",
                    VaultStoreException.Duplicate,
                    cancellationToken,
                    batchSize);
                if (deleted < batchSize)
                {
                    deleted += await ExecuteAsync(
                        connection,
                        "DELETE FROM records WHERE id IN (SELECT r.id FROM subjects s JOIN records r ON r.subject_id = s.id WHERE s.shredded_at IS NOT NULL AND s.purged_at IS NULL AND r.key_kind = $2 LIMIT $1)",
                        VaultStoreException.Duplicate,
                        cancellationToken,
                        batchSize - deleted,
                        (int)SealingKeyKind.Subject);
                }

                if (deleted < batchSize)
                {
                    deleted += await ExecuteAsync(
                        connection,
                        "DELETE FROM devices d USING (SELECT d2.subject_id, d2.device_id FROM subjects s JOIN devices d2 ON d2.subject_id = s.id WHERE s.shredded_at IS NOT NULL AND s.purged_at IS NULL LIMIT $1) gone WHERE d.subject_id = gone.subject_id AND d.device_id = gone.device_id",
                        VaultStoreException.Duplicate,
                        cancellationToken,
                        batchSize - deleted);
                }

                if (deleted < batchSize)
                {
                    // Nothing left for anyone pending: mark them purged so later purges never walk them again. The check is
                    // per person, so someone erased by another server while this ran is marked only once their rows are gone.
                    await ExecuteAsync(
                        connection,
                        """
                        UPDATE subjects SET purged_at = shredded_at
                        WHERE shredded_at IS NOT NULL AND purged_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.subject_id = subjects.id)
                          AND NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = subjects.id AND r.key_kind = $1)
                          AND NOT EXISTS (SELECT 1 FROM devices d WHERE d.subject_id = subjects.id)
                        """,
                        VaultStoreException.Duplicate,
                        cancellationToken,
                        (int)SealingKeyKind.Subject);
                }

                await transaction.CommitAsync(cancellationToken);
                return deleted;
            },
            cancellationToken);
    }

    internal static StoredSubject MapSubject(NpgsqlDataReader r) =>
        new(r.GetString(0), Time(r, 1), OptionalBytes(r, 2))
        {
            MergedInto = OptionalString(r, 3),
            MergedAt = OptionalTime(r, 4),
            ShreddedAt = OptionalTime(r, 5),
        };

    private static Task<List<StoredSubject>> QuerySubjectsAsync(NpgsqlConnection connection, string where, string id, CancellationToken cancellationToken) =>
        QueryAsync(connection, $"SELECT {SubjectColumns} FROM subjects " + where, [id], MapSubject, cancellationToken);

    private static Task<List<StoredRecord>> QueryRecordsAsync(NpgsqlConnection connection, string where, object?[] values, CancellationToken cancellationToken) =>
        QueryAsync(
            connection,
            $"SELECT {RecordColumns} FROM records {where}",
            values,
            MapRecord,
            cancellationToken);

    private static StoredRecord MapRecord(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(3), (RecordSource)r.GetInt32(4), r.GetString(5), Time(r, 6), OptionalTime(r, 7), (SealingKeyKind)r.GetInt32(8), OptionalBytes(r, 10))
        {
            KeyOwnerId = r.GetString(2),
            Version = r.GetInt32(9),
            ErasedAt = OptionalTime(r, 11),
        };

    private static WrappedSubjectKey MapSubjectKey(NpgsqlDataReader r) =>
        new(r.GetString(0), (uint)r.GetInt64(1), r.GetFieldValue<byte[]>(2), Time(r, 3));

    private static async Task<List<T>> NextResultAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken);
        var results = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(map(reader));
        }

        return results;
    }

    private async Task<T> WithConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await read(connection);
    }
}
