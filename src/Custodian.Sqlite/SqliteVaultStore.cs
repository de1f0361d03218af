using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>
/// The embedded store: one <c>custodian.db</c> file in WAL mode with foreign keys on. Writes go
/// through one long-lived writer connection with prepared commands (SQLite allows one writer);
/// reads use pooled connections, which WAL lets run alongside the writer.
/// </summary>
public sealed partial class SqliteVaultStore : IVaultStore
{
    private readonly SqliteVaultStoreOptions _options;
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SqliteCommandCache _writerCommands;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    // Prepared reads on the writer connection (see ReadShort); used and replaced only under the write lock.
    private SqliteCommandCache? _writerReads;
    private readonly System.Collections.Concurrent.ConcurrentBag<SqliteReaderConnection> _readers = [];

    private readonly SqliteWalCheckpointer _checkpointer;

    private SqliteVaultStore(SqliteVaultStoreOptions options, string connectionString, SqliteConnection writer)
    {
        _options = options;
        _connectionString = connectionString;
        _writer = writer;
        _writerCommands = new SqliteCommandCache(writer);
        _checkpointer = new SqliteWalCheckpointer(connectionString, TimeSpan.FromMilliseconds(250));
    }

    /// <summary>Opens (creating and migrating when needed) the store in <see cref="SqliteVaultStoreOptions.DataDirectory"/>.</summary>
    /// <exception cref="VaultStoreException"><c>STORE007</c> when the file has a newer schema.</exception>
    public static Task<SqliteVaultStore> OpenAsync(SqliteVaultStoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.CheckpointSigner);
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(options.DataDirectory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            Configure(writer, options);
            Pragma(writer, "PRAGMA journal_mode=WAL");
            Pragma(writer, $"PRAGMA wal_autocheckpoint={SqliteWalCheckpointer.WriterBackstopPages}");

            // Statement journals (a statement that fires triggers or cascades can be undone alone) stay in memory
            // rather than in temporary files; they are small and live only for the statement.
            Pragma(writer, "PRAGMA temp_store=MEMORY");
            SqliteSchema.Migrate(writer, options.TimeProvider);
            return Task.FromResult(new SqliteVaultStore(options, connectionString, writer));
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IVaultTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await EnterWriteAsync(cancellationToken);
        try
        {
            return new SqliteVaultTransaction(_writer, _writerCommands, _options, () => _writeLock.Release());
        }
        catch
        {
            _writeLock.Release();
            throw;
        }
    }

    /// <summary>
    /// Takes this store's turn to write, waiting at most the busy timeout, as SQLite itself waits for another process's
    /// lock. Without the bound, writers queued behind one that waits out a lock held elsewhere would each wait their own
    /// full timeout in turn; with it they give up when it does (the one whose turn comes just then waits one more), each
    /// with SQLITE_BUSY (a 503 from the server).
    /// </summary>
    /// <exception cref="SqliteException">The turn did not come within the busy timeout (SQLITE_BUSY).</exception>
    private async Task EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (!await _writeLock.WaitAsync(_options.BusyTimeout, cancellationToken))
            throw new SqliteException($"The database stayed busy for {_options.BusyTimeout.TotalSeconds:0.#} s: a write in progress (here or in another process) did not finish.", SqliteBusyCode);
    }

    // SQLITE_BUSY, as SQLite reports a lock it waited for in vain.
    private const int SqliteBusyCode = 5;

    /// <inheritdoc />
    public Task<StoredSubject?> GetSubjectAsync(string subjectId, CancellationToken cancellationToken) =>
        ReadShort(cancellationToken, connection => QuerySubjects(connection, null, "WHERE id = $id", subjectId).FirstOrDefault());

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSubject>> GetMergedSubjectsAsync(string survivorId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<StoredSubject>>(cancellationToken, connection => QuerySubjects(connection, null, "WHERE merged_into = $id ORDER BY merged_at, id", survivorId));

    /// <inheritdoc />
    public Task<string?> FindSubjectAsync(LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken) =>
        ReadShort(cancellationToken, connection =>
        {
            var command = connection.Command(null, "SELECT subject_id FROM lookup_keys WHERE kind = $p0 AND blind_index = $p1", (int)kind, blindIndex.ToArray());
            return command.ExecuteScalar() as string;
        });

    /// <inheritdoc />
    public Task<WrappedSubjectKey?> GetSubjectKeyAsync(string subjectId, CancellationToken cancellationToken) =>
        ReadShort(cancellationToken, connection => SubjectKey(connection, null, subjectId));

    private static WrappedSubjectKey? SubjectKey(SqliteReaderConnection connection, SqliteTransaction? transaction, string subjectId)
    {
        var command = connection.Command(transaction, "SELECT subject_id, key_id, wrapped, created_at FROM subject_keys WHERE subject_id = $p0", subjectId);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new WrappedSubjectKey(reader.GetString(0), (uint)reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), Time(reader, 3))
            : null;
    }

    /// <inheritdoc />
    public Task<StoredRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken) =>
        ReadShort(cancellationToken, connection => QueryRecords(connection, "WHERE id = $p0", recordId).FirstOrDefault());

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> GetRecordsAsync(string subjectId, string? categoryKey, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<StoredRecord>>(cancellationToken, connection => categoryKey is null
            ? QueryRecords(connection, "WHERE subject_id = $p0 ORDER BY collected_at, id", subjectId)
            // Pinned: without statistics the planner prefers ix_records_category (it also serves the ORDER BY) and reads
            // every record of a common category — all of them when every person has an email — to find one person's.
            : QueryRecords(connection, "INDEXED BY ix_records_subject WHERE subject_id = $p0 AND category = $p1 ORDER BY collected_at, id", subjectId, categoryKey));

    /// <inheritdoc />
    public Task<SubjectRecords> GetSubjectRecordsAsync(string subjectId, string categoryKey, CancellationToken cancellationToken) =>
        ReadShort(cancellationToken, connection => new SubjectRecords(
            QuerySubjects(connection, null, "WHERE id = $id", subjectId).FirstOrDefault(),
            QueryRecords(connection, "INDEXED BY ix_records_subject WHERE subject_id = $p0 AND category = $p1 ORDER BY collected_at, id", subjectId, categoryKey),
            SubjectKey(connection, null, subjectId)));

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordVersion>> GetRecordHistoryAsync(string recordId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<RecordVersion>>(cancellationToken, connection =>
            Query(connection, null, "SELECT record_id, version, source, purpose, collected_at, replaced_at FROM record_versions WHERE record_id = $p0 ORDER BY version", [recordId], r =>
                new RecordVersion(r.GetString(0), r.GetInt32(1), (RecordSource)r.GetInt32(2), r.GetString(3), Time(r, 4), Time(r, 5))));

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> FindExpiredRecordsAsync(DateTimeOffset at, int limit, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<StoredRecord>>(cancellationToken, connection =>
            QueryRecords(connection, "WHERE expires_at IS NOT NULL AND expires_at <= $p0 AND erased_at IS NULL ORDER BY expires_at, id LIMIT $p1", Ticks(at), limit));

    /// <inheritdoc />
    /// <remarks>Counted from the partial expiry index alone, without touching the records.</remarks>
    public Task<long> CountExpiredRecordsAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        Read(cancellationToken, connection =>
        {
            var command = connection.Command(null, "SELECT COUNT(*) FROM records INDEXED BY ix_records_expiry WHERE expires_at IS NOT NULL AND expires_at <= $p0 AND erased_at IS NULL", Ticks(at));
            return (long)command.ExecuteScalar()!;
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> GetEventsAsync(string subjectId, string? categoryKey, DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<StoredEvent>>(cancellationToken, connection =>
            Query(
                connection,
                null,
                "SELECT id, subject_id, key_owner_id, category, at, device_id, sealed FROM events WHERE subject_id = $p0 AND at >= $p1 AND at < $p2 AND ($p3 IS NULL OR category = $p3) ORDER BY at, id LIMIT $p4",
                [subjectId, Ticks(since), Ticks(until), categoryKey, limit],
                r => new StoredEvent(r.GetString(0), r.GetString(1), r.GetString(3), Time(r, 4), OptionalString(r, 5), r.GetFieldValue<byte[]>(6)) { KeyOwnerId = r.GetString(2) }));

    /// <inheritdoc />
    public Task<long> CountEventsAsync(string subjectId, CancellationToken cancellationToken) =>
        Read(cancellationToken, connection =>
        {
            var command = connection.Command(null, "SELECT COUNT(*) FROM events WHERE subject_id = $p0", subjectId);
            return (long)command.ExecuteScalar()!;
        });

    /// <inheritdoc />
    public Task<AuditChainHead> GetAuditHeadAsync(CancellationToken cancellationToken) =>
        Read(cancellationToken, connection =>
        {
            var command = connection.Command(null, "SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1");
            using var reader = command.ExecuteReader();
            return reader.Read() ? new AuditChainHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)) : AuditChainHead.Empty;
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long fromSequence, int limit, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<AuditEntry>>(cancellationToken, connection =>
            Query(connection, null, "SELECT body FROM audit_entries WHERE seq >= $p0 ORDER BY seq LIMIT $p1", [fromSequence, limit], r => AuditEntryEncoding.Decode(r.GetFieldValue<byte[]>(0))));

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadLatestAuditAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Func<SqliteReaderConnection, IReadOnlyList<AuditEntry>> read = connection =>
        {
            var entries = Query(connection, null, "SELECT body FROM audit_entries ORDER BY seq DESC LIMIT $p0", [count], r => AuditEntryEncoding.Decode(r.GetFieldValue<byte[]>(0)));
            entries.Reverse();
            return entries;
        };

        // A page for a reviewer is short; a caller asking for much more is not held against the writer.
        return count <= 1000 ? ReadShort(cancellationToken, read) : Read(cancellationToken, read);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditCheckpoint>> ReadAuditCheckpointsAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyList<AuditCheckpoint>>(cancellationToken, connection =>
            Query(connection, null, "SELECT seq, entry_hash, at, signature FROM audit_checkpoints ORDER BY seq", [], r =>
                new AuditCheckpoint(r.GetInt64(0), r.GetFieldValue<byte[]>(1), Time(r, 2), r.GetFieldValue<byte[]>(3))));

    /// <inheritdoc />
    /// <remarks>
    /// Steps a raw SQLite statement and hands out spans over SQLite's own column buffers: no copy
    /// and no allocation per row, which keeps verification above a million entries per second.
    /// </remarks>
    public Task ReadAuditChainAsync(long fromSequence, IAuditChainVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return Read(cancellationToken, connection =>
        {
            var db = connection.Connection.Handle!;
            var rc = raw.sqlite3_prepare_v2(db, "SELECT seq, body, hash FROM audit_entries WHERE seq >= ?1 ORDER BY seq", out var statement);
            SqliteException.ThrowExceptionForRC(rc, db);
            using (statement)
            {
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, 1, fromSequence), db);
                var rows = 0;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    if ((++rows & 0xFFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (!visitor.VisitEntry(raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_blob(statement, 1), raw.sqlite3_column_blob(statement, 2)))
                    {
                        return true;
                    }
                }

                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }
            }

            return true;
        });
    }

    // Every purge statement names ix_subjects_purge_pending: without statistics the planner took ix_subjects_shredded,
    // which holds everyone ever erased, so each erasure's purge walked all earlier ones (10 ms at 2,000 erasures).
    private const string PurgedSql = """
        UPDATE subjects INDEXED BY ix_subjects_purge_pending SET purged_at = shredded_at
        WHERE shredded_at IS NOT NULL AND purged_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.subject_id = subjects.id)
          AND NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = subjects.id AND r.key_kind = $p0)
          AND NOT EXISTS (SELECT 1 FROM devices d WHERE d.subject_id = subjects.id)
        """;

    /// <inheritdoc />
    public async Task<int> PurgeShreddedAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        await EnterWriteAsync(cancellationToken);
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            var deleted = Execute(
                _writer,
                transaction,
                "DELETE FROM events WHERE rowid IN (SELECT e.rowid FROM subjects s INDEXED BY ix_subjects_purge_pending JOIN events e ON e.subject_id = s.id WHERE s.shredded_at IS NOT NULL AND s.purged_at IS NULL LIMIT $p0)",
                batchSize);
            if (deleted < batchSize)
            {
                // CROSS JOIN keeps the shredded subjects (a small partial index) as the outer loop; with a plain JOIN
                // the planner scanned every record to erase one person.
                deleted += Execute(
                    _writer,
                    transaction,
                    "DELETE FROM records WHERE rowid IN (SELECT r.rowid FROM subjects s INDEXED BY ix_subjects_purge_pending CROSS JOIN records r ON r.subject_id = s.id WHERE s.shredded_at IS NOT NULL AND s.purged_at IS NULL AND r.key_kind = $p1 LIMIT $p0)",
                    batchSize - deleted,
                    (int)SealingKeyKind.Subject);
            }

            if (deleted < batchSize)
            {
                deleted += Execute(
                    _writer,
                    transaction,
                    "DELETE FROM devices WHERE rowid IN (SELECT d.rowid FROM subjects s INDEXED BY ix_subjects_purge_pending JOIN devices d ON d.subject_id = s.id WHERE s.shredded_at IS NOT NULL AND s.purged_at IS NULL LIMIT $p0)",
                    batchSize - deleted);
            }

            if (deleted < batchSize)
            {
                // Nothing left for anyone pending: mark them purged so later purges never walk them again. The check is
                // per person, so someone erased while this ran is marked only once their rows are really gone.
                Execute(_writer, transaction, PurgedSql, (int)SealingKeyKind.Subject);
            }

            transaction.Commit();
            return deleted;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the writer connection and clears the pool so the file can be moved or deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        await _checkpointer.DisposeAsync();
        await _writeLock.WaitAsync(CancellationToken.None);
        try
        {
            _writerCommands.Dispose();
            _writerReads?.Dispose();
            while (_readers.TryTake(out var reader))
            {
                reader.Dispose();
            }

            Pragma(_writer, "PRAGMA optimize");
            _writer.Dispose();
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        }
        finally
        {
            _writeLock.Release();
            _writeLock.Dispose();
        }
    }
}
