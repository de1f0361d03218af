using System.Globalization;
using Custodian.Storage;
using Microsoft.Data.Sqlite;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Read paths and connection plumbing of <see cref="SqliteVaultStore"/>.</summary>
public sealed partial class SqliteVaultStore
{
    private const string RecordColumns = "id, subject_id, key_owner_id, category, source, purpose, collected_at, expires_at, key_kind, version, sealed, erased_at";

    /// <inheritdoc />
    public Task<SubjectState?> LoadSubjectStateAsync(string subjectId, CancellationToken cancellationToken) =>
        ReadShort(cancellationToken, connection =>
        {
            // One read transaction: every list comes from the same WAL snapshot.
            using var snapshot = connection.BeginSnapshot();
            return ReadState(connection, subjectId).State;
        });

    /// <inheritdoc />
    /// <remarks>
    /// One reader connection. The versions are read first, and what they guard after them, so a copy is never
    /// labelled newer than it is; the state and its key share one read transaction, as in <see cref="LoadSubjectStateAsync"/>.
    /// When nothing changed this is one indexed lookup, without the cost of opening and closing a transaction.
    /// </remarks>
    public Task<SubjectView> GetSubjectViewAsync(string subjectId, SubjectVersions known, bool withRecords, CancellationToken cancellationToken) =>
        ReadShort(cancellationToken, connection =>
        {
            var versions = Versions(connection, null, subjectId);
            var unchanged = known.State == versions.State;
            SubjectState? state = null;
            WrappedSubjectKey? key = null;
            if (!unchanged)
            {
                using var snapshot = connection.BeginSnapshot();
                (state, key) = ReadState(connection, subjectId);
            }

            var records = withRecords && known.Records != versions.Records
                ? QueryRecords(connection, "WHERE subject_id = $p0 ORDER BY collected_at, id", subjectId)
                : null;
            return new SubjectView(versions, unchanged, state, key, records);
        });

    /// <summary>The subject's state and wrapped data key, read inside the caller's snapshot; no state for no subject.</summary>
    private static (SubjectState? State, WrappedSubjectKey? Key) ReadState(SqliteReaderConnection connection, string subjectId)
    {
        var subject = QuerySubjects(connection, null, "WHERE id = $id", subjectId).FirstOrDefault();
        if (subject is null)
        {
            return (null, null);
        }

        object?[] id = [subjectId];
        var key = SubjectKey(connection, null, subjectId);
        return (new SubjectState
        {
            Subject = subject,
            Version = Versions(connection, null, subjectId).State,
            HasDataKey = key is not null,
            Consents = Query(
                connection,
                null,
                "SELECT id, subject_id, key, kind, given, explicit, policy_version, method, evidence, at, recorded_at, controller, legal_basis FROM consents WHERE subject_id = $p0 ORDER BY at, rowid",
                id,
                r => new ConsentEntry(r.GetString(0), r.GetString(1), r.GetString(2), (ConsentKind)r.GetInt32(3), r.GetBoolean(4), r.GetBoolean(5), r.GetString(6), r.GetString(7), OptionalString(r, 8), Time(r, 9))
                {
                    RecordedAt = Time(r, 10),
                    Controller = OptionalString(r, 11),
                    LegalBasis = OptionalString(r, 12),
                }),
            Objections = Query(connection, null, "SELECT id, subject_id, purpose, at, lifted_at FROM objections WHERE subject_id = $p0 ORDER BY at, rowid", id, r =>
                new Objection(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3), OptionalTime(r, 4))),
            Restrictions = Query(connection, null, "SELECT subject_id, restricted, at FROM restrictions WHERE subject_id = $p0 ORDER BY at, rowid", id, r =>
                new RestrictionChange(r.GetString(0), r.GetBoolean(1), Time(r, 2))),
            LegalHolds = Query(connection, null, "SELECT id, subject_id, reason, from_at, until_at, lifted_at FROM legal_holds WHERE subject_id = $p0 ORDER BY from_at, rowid", id, r =>
                new LegalHold(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3), OptionalTime(r, 4), OptionalTime(r, 5))),
            Relationships = Query(connection, null, "SELECT subject_id, kind, event, at FROM relationship_events WHERE subject_id = $p0 ORDER BY at, rowid", id, r =>
                new RelationshipEvent(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3))),
            RecipientAuthorisations = Query(connection, null, "SELECT subject_id, recipient, given, at FROM recipient_authorisations WHERE subject_id = $p0 ORDER BY at, rowid", id, r =>
                new RecipientAuthorisation(r.GetString(0), r.GetString(1), r.GetBoolean(2), Time(r, 3))),
            GuardianConsents = Query(connection, null, "SELECT subject_id, given, at, guardian_ref FROM guardian_consents WHERE subject_id = $p0 ORDER BY at, rowid", id, r =>
                new GuardianConsent(r.GetString(0), r.GetBoolean(1), Time(r, 2), r.GetString(3))),
        }, key);
    }

    /// <inheritdoc />
    /// <remarks>Kept by triggers (migration 0007), so writes from any connection or process change it.</remarks>
    public Task<long?> GetSubjectStateVersionAsync(string subjectId, CancellationToken cancellationToken) =>
        ReadShort(cancellationToken, connection => Versions(connection, null, subjectId).State);

    /// <inheritdoc />
    public Task<SubjectVersions> GetSubjectVersionsAsync(string subjectId, CancellationToken cancellationToken) =>
        ReadShort(cancellationToken, connection => Versions(connection, null, subjectId));

    private static SubjectVersions Versions(SqliteReaderConnection connection, SqliteTransaction? transaction, string subjectId)
    {
        using var reader = connection.Command(transaction, "SELECT version, records_version FROM subject_state_versions WHERE subject_id = $p0", subjectId).ExecuteReader();
        return reader.Read() ? new SubjectVersions(reader.GetInt64(0), reader.GetInt64(1)) : new SubjectVersions(0, 0);
    }

    private static void Configure(SqliteConnection connection, SqliteVaultStoreOptions options)
    {
        var synchronous = options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
        var busy = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        Pragma(connection, $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={busy}; PRAGMA foreign_keys=ON");
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] values)
    {
        using var command = Create(connection, transaction, sql, values);
        return command.ExecuteNonQuery();
    }

    private static SqliteCommand Create(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }

        return command;
    }

    private static List<T> Query<T>(SqliteReaderConnection connection, SqliteTransaction? transaction, string sql, object?[] values, Func<SqliteDataReader, T> map)
    {
        var command = connection.Command(transaction, sql, values);
        using var reader = command.ExecuteReader();
        var results = new List<T>();
        while (reader.Read())
        {
            results.Add(map(reader));
        }

        return results;
    }

    private static List<StoredSubject> QuerySubjects(SqliteReaderConnection connection, SqliteTransaction? transaction, string where, string id) =>
        Query(connection, transaction, "SELECT id, created_at, birth_date_sealed, merged_into, merged_at, shredded_at FROM subjects " + where.Replace("$id", "$p0", StringComparison.Ordinal), [id], r =>
            new StoredSubject(r.GetString(0), Time(r, 1), OptionalBytes(r, 2))
            {
                MergedInto = OptionalString(r, 3),
                MergedAt = OptionalTime(r, 4),
                ShreddedAt = OptionalTime(r, 5),
            });

    private static List<StoredRecord> QueryRecords(SqliteReaderConnection connection, string where, params object?[] values) =>
        Query(connection, null, $"SELECT {RecordColumns} FROM records {where}", values, r =>
            new StoredRecord(r.GetString(0), r.GetString(1), r.GetString(3), (RecordSource)r.GetInt32(4), r.GetString(5), Time(r, 6), OptionalTime(r, 7), (SealingKeyKind)r.GetInt32(8), OptionalBytes(r, 10))
            {
                KeyOwnerId = r.GetString(2),
                Version = r.GetInt32(9),
                ErasedAt = OptionalTime(r, 11),
            });

    /// <summary>
    /// A short read of one person (a few indexed lookups), done on the writer connection when no unit of work holds it,
    /// else as <see cref="Read{T}"/>. In WAL mode a connection throws its page cache away whenever another connection
    /// has committed since its last read, and every audited call commits, so pooled readers re-read each page from the
    /// file system on nearly every call; the writer's cache survives its own commits. Only short reads come here: a
    /// long one would hold writers up for its length.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "The read lambda reads best as the last argument.")]
    private Task<T> ReadShort<T>(CancellationToken cancellationToken, Func<SqliteReaderConnection, T> read)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_writeLock.Wait(0)) return Read(cancellationToken, read);
        try
        {
            _writerReads ??= new SqliteCommandCache(_writer);
            return Task.FromResult(read(new SqliteReaderConnection(_writer, _writerReads)));
        }
        catch
        {
            // A failed read may leave a statement open: drop the commands, never the writer.
            _writerReads?.Dispose();
            _writerReads = null;
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "The read lambda reads best as the last argument.")]
    private Task<T> Read<T>(CancellationToken cancellationToken, Func<SqliteReaderConnection, T> read)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_readers.TryTake(out var connection))
        {
            var opened = new SqliteConnection(_connectionString);
            opened.Open();
            Configure(opened, _options);
            connection = new SqliteReaderConnection(opened);
        }

        try
        {
            var result = read(connection);
            _readers.Add(connection);
            return Task.FromResult(result);
        }
        catch
        {
            // A failed read may leave a statement or transaction open: never hand that connection out again.
            connection.Dispose();
            throw;
        }
    }
}
