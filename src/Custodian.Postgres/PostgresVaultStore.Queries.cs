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

    /// <inheritdoc />
    /// <remarks>One statement, so one snapshot and one round trip: every ledger comes back as a column.</remarks>
    public Task<SubjectState?> LoadSubjectStateAsync(string subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync(async connection => (await ReadWholeStateAsync(connection, subjectId, withRecords: false, cancellationToken)).State, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One statement per round trip, so one snapshot. A caller holding a copy of the state is taken at its word first:
    /// the versions and, unless the caller's copy of them is current, the records are all that is read, in one
    /// statement instead of thirteen. Only when the state version moved (or no copy is held) is everything read, the
    /// versions included, in one more statement.
    /// </remarks>
    public Task<SubjectView> GetSubjectViewAsync(string subjectId, SubjectVersions known, bool withRecords, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async connection =>
            {
                if (known.State is { } held)
                {
                    var current = await ReadVersionsAndRecordsAsync(connection, subjectId, withRecords ? known.Records ?? -1 : null, cancellationToken);
                    if (current.Versions.State == held) return current;
                }

                return await ReadViewAsync(connection, subjectId, withRecords, cancellationToken);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<SubjectVersions> GetSubjectVersionsAsync(string subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync(async connection => (await ReadVersionsAndRecordsAsync(connection, subjectId, null, cancellationToken)).Versions, cancellationToken);

    /// <summary>
    /// The versions and, when <paramref name="knownRecords"/> is given and is not the current records version, the
    /// records, in one statement: the versions on every row, joined to the person's records (or one row of nulls).
    /// </summary>
    private static async Task<SubjectView> ReadVersionsAndRecordsAsync(NpgsqlConnection connection, string subjectId, long? knownRecords, CancellationToken cancellationToken)
    {
        const string VersionsSql = """
            SELECT COALESCE(v.version, 0), COALESCE(v.records_version, 0)
            FROM (SELECT 1) AS one LEFT JOIN subject_state_versions v ON v.subject_id = $1
            """;
        const string WithRecordsSql = """
            SELECT COALESCE(v.version, 0), COALESCE(v.records_version, 0), r.id, r.subject_id, r.key_owner_id, r.category, r.source, r.purpose, r.collected_at, r.expires_at, r.key_kind, r.version, r.sealed, r.erased_at
            FROM (SELECT 1) AS one LEFT JOIN subject_state_versions v ON v.subject_id = $1
            LEFT JOIN records r ON r.subject_id = $1 AND COALESCE(v.records_version, 0) <> $2
            ORDER BY r.collected_at, r.id
            """;
        SubjectVersions versions = default;
        var records = new List<StoredRecord>();
        await using var command = new NpgsqlCommand(knownRecords is null ? VersionsSql : WithRecordsSql, connection) { Parameters = { new() { Value = subjectId } } };
        if (knownRecords is { } known) command.Parameters.Add(new NpgsqlParameter { Value = known });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions = new SubjectVersions(reader.GetInt64(0), reader.GetInt64(1));
            if (knownRecords is not null && !reader.IsDBNull(2)) records.Add(MapRecordAt(reader, 2));
        }

        // Records the caller holds at the current version are not sent again: null tells it to use its copy.
        var current = knownRecords is { } held && held == versions.Records;
        return new SubjectView(versions, StateUnchanged: true, null, null, knownRecords is null || current ? null : records);
    }

    /// <summary>The versions, the state with its key and, as asked, the records, in one statement.</summary>
    private static async Task<SubjectView> ReadViewAsync(NpgsqlConnection connection, string subjectId, bool withRecords, CancellationToken cancellationToken)
    {
        var (versions, state, key, records) = await ReadWholeStateAsync(connection, subjectId, withRecords, cancellationToken);
        return new SubjectView(versions, StateUnchanged: false, state, key, records);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Kept by statement triggers (migration 0007) in the writing transaction, so a change committed by any server on
    /// the schema is seen by the next call; 0 for a subject nothing has changed since it was created.
    /// </remarks>
    public async Task<long?> GetSubjectStateVersionAsync(string subjectId, CancellationToken cancellationToken) =>
        (await GetSubjectVersionsAsync(subjectId, cancellationToken)).State;

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

    internal static StoredSubject MapSubject(NpgsqlDataReader r) => MapSubjectAt(r, 0);

    /// <summary>A subject whose <see cref="SubjectColumns"/> start at column <paramref name="o"/>.</summary>
    private static StoredSubject MapSubjectAt(NpgsqlDataReader r, int o) =>
        new(r.GetString(o), Time(r, o + 1), OptionalBytes(r, o + 2))
        {
            MergedInto = OptionalString(r, o + 3),
            MergedAt = OptionalTime(r, o + 4),
            ShreddedAt = OptionalTime(r, o + 5),
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

    private static StoredRecord MapRecord(NpgsqlDataReader r) => MapRecordAt(r, 0);

    /// <summary>A record whose <see cref="RecordColumns"/> start at column <paramref name="o"/>.</summary>
    private static StoredRecord MapRecordAt(NpgsqlDataReader r, int o) =>
        new(r.GetString(o), r.GetString(o + 1), r.GetString(o + 3), (RecordSource)r.GetInt32(o + 4), r.GetString(o + 5), Time(r, o + 6), OptionalTime(r, o + 7), (SealingKeyKind)r.GetInt32(o + 8), OptionalBytes(r, o + 10))
        {
            KeyOwnerId = r.GetString(o + 2),
            Version = r.GetInt32(o + 9),
            ErasedAt = OptionalTime(r, o + 11),
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
