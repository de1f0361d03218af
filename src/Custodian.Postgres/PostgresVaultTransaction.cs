using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>
/// A read-committed PostgreSQL transaction on one pooled connection. Before its first statement it locks the audit
/// chain head row (<c>SELECT … FOR UPDATE</c>), so units of work from every process on the schema run one after the
/// other: no update is lost and sequence numbers never race. Reads inside it see everything committed before the lock
/// was granted. Audit entries, and the writes whose caller needs no answer from the database (inserts of a subject, a
/// key, records, ledger entries), are held back and sent with the next statement that needs one or, at commit, with
/// the chain head update and the COMMIT itself, in one round trip; a constraint they break is reported then. A unit of
/// work made only of held-back statements (every audited read, most single-purpose writes) takes no lock: it links its
/// audit entries to the head this store last committed and commits everything in one implicit transaction whose first
/// statement moves the head only if it is still there; if another process moved it, nothing is written and the unit
/// of work takes the lock, links its entries again and commits as any other. Either way the chain never forks.
/// </summary>
internal sealed partial class PostgresVaultTransaction : IVaultTransaction
{
    private const string LockHeadSql = "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresVaultStoreOptions _options;
    private readonly Action<AuditChainHead> _committed;
    private readonly Action _release;
    private readonly List<AuditEntry> _pendingAudit = [];
    private readonly List<DeferredStatement> _deferred = [];
    private NpgsqlConnection _connection = null!;
    private NpgsqlTransaction? _transaction;
    private bool _completed;
    private bool _failed;
    private AuditChainHead? _head;
    private AuditChainHead? _pendingBase;
    private bool _headMoved;

    private PostgresVaultTransaction(NpgsqlDataSource dataSource, PostgresVaultStoreOptions options, AuditChainHead? lastHead, Action<AuditChainHead> committed, Action release)
    {
        _dataSource = dataSource;
        _options = options;
        _head = lastHead;
        _committed = committed;
        _release = release;
    }

    /// <summary>A unit of work; nothing is sent until its first statement or its commit.</summary>
    /// <param name="dataSource">The pool.</param>
    /// <param name="options">The store's options.</param>
    /// <param name="lastHead">The chain head this store last committed, or null when it has not committed yet.</param>
    /// <param name="committed">Told the new head after a commit.</param>
    /// <param name="release">Called once the unit of work is over, committed or not.</param>
    public static PostgresVaultTransaction Begin(NpgsqlDataSource dataSource, PostgresVaultStoreOptions options, AuditChainHead? lastHead, Action<AuditChainHead> committed, Action release) =>
        new(dataSource, options, lastHead, committed, release);

    private void ThrowIfCompleted()
    {
        if (_completed) throw new InvalidOperationException("The transaction has already completed.");
        if (_failed) throw new InvalidOperationException("The transaction's commit failed; begin a new one.");
    }

    /// <summary>Opens the connection and locks the chain head, once; entries held back are linked again to the real head.</summary>
    private async Task<NpgsqlTransaction> StartAsync(CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        if (_transaction is not null) return _transaction;
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var head = (await QueryAsync(connection, LockHeadSql, [], r => new AuditChainHead(r.GetInt64(0), r.GetFieldValue<byte[]>(1)), cancellationToken))
                .SingleOrDefault() ?? throw HeadMissing();
            _connection = connection;
            _transaction = transaction;
            _pendingBase = head;
            _head = LinkPending(head, null);
            return transaction;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task CreateSubjectAsync(StoredSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return DeferAsync(
            "INSERT INTO subjects (id, created_at, birth_date_sealed) VALUES ($1, $2, $3)",
            VaultStoreException.Duplicate,
            subject.SubjectId,
            Ticks(subject.CreatedAt),
            subject.BirthDateSealed);
    }

    // The check travels with the unit's other statements: the function raises SQLSTATE CU001, which fails the batch whole.
    public Task RequireLiveSubjectAsync(string subjectId, CancellationToken cancellationToken) =>
        DeferAsync("SELECT require_live_subject($1)", VaultStoreException.SubjectNotLive, subjectId);

    // Sent with the unit's other statements, as the liveness check: require_subject_version raises SQLSTATE CU002.
    public Task RequireSubjectVersionAsync(string subjectId, long stateVersion, long? recordsVersion, CancellationToken cancellationToken) =>
        DeferAsync("SELECT require_subject_version($1, $2, $3::bigint)", VaultStoreException.SubjectChanged, subjectId, stateVersion, recordsVersion);

    public Task AddLookupKeyAsync(string subjectId, LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken) =>
        DeferAsync("INSERT INTO lookup_keys (kind, blind_index, subject_id) VALUES ($1, $2, $3)", VaultStoreException.LookupTaken, (int)kind, blindIndex, subjectId);

    public async Task<bool> RemoveLookupKeyAsync(LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken) =>
        await RunAsync("DELETE FROM lookup_keys WHERE kind = $1 AND blind_index = $2", VaultStoreException.Duplicate, cancellationToken, (int)kind, blindIndex) > 0;

    public Task StoreSubjectKeyAsync(WrappedSubjectKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return DeferAsync(
            "INSERT INTO subject_keys (subject_id, key_id, wrapped, created_at) VALUES ($1, $2, $3, $4)",
            VaultStoreException.Duplicate,
            key.SubjectId,
            (long)key.KeyId,
            key.Wrapped,
            Ticks(key.CreatedAt));
    }

    public async Task<int> ShredSubjectAsync(string subjectId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // One call (migration 0014): the subject and every subject merged into it (at any depth) lose their keys,
        // lookups, device identifiers, device names and pending sign-ins, each table cleared per person by its index.
        var counts = (await QueryInUnitAsync("SELECT family_size, keys_destroyed FROM shred_subject($1, $2)", [subjectId, Ticks(at)], r => (Family: r.GetInt32(0), Keys: r.GetInt32(1)), cancellationToken)).Single();
        if (counts.Family == 0)
        {
            throw new VaultStoreException(VaultStoreException.UnknownSubject, $"Subject {subjectId} does not exist.");
        }

        return counts.Keys;
    }

    public async Task<int> PurgeShreddedSubjectAsync(string subjectId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // One call (migration 0014): counts the family's rows (stopping past the limit) and only within it deletes and marks.
        var result = (await QueryInUnitAsync("SELECT counted, deleted FROM purge_shredded_subject($1, $2, $3)", [subjectId, (int)SealingKeyKind.Subject, limit], r => (Counted: r.GetInt32(0), Deleted: r.GetInt32(1)), cancellationToken)).Single();
        return result.Counted > limit ? -1 : result.Deleted;
    }

    public async Task<ShredAndPurgeResult> ShredAndPurgeSubjectAsync(string subjectId, DateTimeOffset at, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // One call (migration 0014) for both: the shred, then the purge of what it made unreadable.
        var result = (await QueryInUnitAsync(
            "SELECT family_size, keys_destroyed, counted, deleted FROM shred_and_purge_subject($1, $2, $3, $4)",
            [subjectId, Ticks(at), (int)SealingKeyKind.Subject, limit],
            r => (Family: r.GetInt32(0), Keys: r.GetInt32(1), Counted: r.GetInt32(2), Deleted: r.GetInt32(3)),
            cancellationToken)).Single();
        if (result.Family == 0)
        {
            throw new VaultStoreException(VaultStoreException.UnknownSubject, $"Subject {subjectId} does not exist.");
        }

        return new ShredAndPurgeResult(result.Keys, result.Counted > limit ? -1 : result.Deleted);
    }

    public async Task MergeSubjectsAsync(string survivorId, string mergedId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (string.Equals(survivorId, mergedId, StringComparison.Ordinal))
        {
            throw new VaultStoreException(VaultStoreException.InvalidMerge, $"Subject {survivorId} cannot be merged with itself.");
        }

        await FlushAsync(cancellationToken);
        var found = await QueryAsync(
            _connection,
            "SELECT id, merged_into IS NOT NULL FROM subjects WHERE id = ANY($1) ORDER BY id FOR UPDATE",
            [new[] { survivorId, mergedId }],
            r => (Id: r.GetString(0), Merged: r.GetBoolean(1)),
            cancellationToken);
        foreach (var id in (ReadOnlySpan<string>)[survivorId, mergedId])
        {
            var subject = found.Find(s => string.Equals(s.Id, id, StringComparison.Ordinal));
            if (subject.Id is null)
            {
                throw new VaultStoreException(VaultStoreException.UnknownSubject, $"Subject {id} does not exist.");
            }

            if (subject.Merged)
            {
                throw new VaultStoreException(VaultStoreException.InvalidMerge, $"Subject {id} was already merged.");
            }
        }

        await using var batch = new NpgsqlBatch(_connection, _transaction);

        // The same device bound under both registrations becomes one binding of the survivor: the merged one's row wins.
        batch.BatchCommands.Add(BatchCommand("DELETE FROM devices d WHERE d.subject_id = $1 AND EXISTS (SELECT 1 FROM devices m WHERE m.subject_id = $2 AND m.device_id = d.device_id)", survivorId, mergedId));
        foreach (var table in PostgresTables.PerSubject)
        {
            batch.BatchCommands.Add(BatchCommand($"UPDATE {table} SET subject_id = $1 WHERE subject_id = $2", survivorId, mergedId));
        }

        batch.BatchCommands.Add(BatchCommand("UPDATE subjects SET merged_into = $1, merged_at = $3 WHERE id = $2", survivorId, mergedId, Ticks(at)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        try
        {
            await CommitOnceAsync(cancellationToken);
        }
        catch
        {
            // Whether a failed commit reached the server is unknown, and the entries held back have been handed over:
            // a second attempt could move the chain head past entries it never wrote. The unit of work is over.
            _failed = true;
            throw;
        }
    }

    private async Task CommitOnceAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null && !_headMoved && _deferred.Count == 0)
        {
            await CompleteAsync();
            return;
        }

        if (_transaction is null && _headMoved && await TryCommitUnlockedAsync(cancellationToken))
        {
            _committed(_head!);
            await CompleteAsync();
            return;
        }

        var transaction = await StartAsync(cancellationToken);
        if (_headMoved)
        {
            // The held-back entries, the head and the commit travel together: one round trip. A failing statement
            // aborts the batch before its COMMIT, and disposing the unit of work rolls the transaction back.
            await using var batch = new NpgsqlBatch(_connection, transaction);
            var codes = TakeDeferred(batch);
            foreach (var pending in TakePendingAudit()) batch.BatchCommands.Add(pending);
            batch.BatchCommands.Add(BatchCommand("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", _head!.Sequence, _head.Hash));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await ExecuteWithCodesAsync(batch, codes, cancellationToken);
        }
        else if (_deferred.Count > 0)
        {
            await using var batch = new NpgsqlBatch(_connection, transaction);
            var codes = TakeDeferred(batch);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await ExecuteWithCodesAsync(batch, codes, cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        _committed(_head!);
        await CompleteAsync();
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync(cancellationToken);
        }

        await CompleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted NpgsqlTransaction rolls it back; closing the connection does too if the server is gone.
        await CompleteAsync();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "A params array must be the last parameter.")]
    private async Task<int> RunAsync(string sql, string duplicateCode, CancellationToken cancellationToken, params object?[] values)
    {
        if (_transaction is null && _pendingAudit.Count == 0) return await StartWithAsync(sql, duplicateCode, values, cancellationToken);
        var transaction = await StartAsync(cancellationToken);
        if (_pendingAudit.Count == 0 && _deferred.Count == 0) return await ExecuteAsync(_connection, sql, duplicateCode, cancellationToken, values);

        // Held-back statements and audit entries go first, in the same round trip; the caller gets its own statement's count.
        await using var batch = new NpgsqlBatch(_connection, transaction);
        var codes = TakeDeferred(batch);
        foreach (var pending in TakePendingAudit()) batch.BatchCommands.Add(pending);
        var command = BatchCommand(sql, values);
        batch.BatchCommands.Add(command);
        codes.Add((command, duplicateCode));
        await ExecuteWithCodesAsync(batch, codes, cancellationToken);
        return command.RecordsAffected;
    }

    /// <summary>Holds a write whose caller needs no answer back until the next statement that needs one, or the commit.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "A params array must be the last parameter.")]
    private void Defer(string sql, string duplicateCode, params object?[] values)
    {
        ThrowIfCompleted();

        // Copies of byte buffers: the caller may reuse or clear its own before the statement is sent.
        var copies = new object?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            copies[i] = values[i] switch
            {
                byte[] bytes => bytes.ToArray(),
                ReadOnlyMemory<byte> memory => memory.ToArray(),
                var value => value,
            };
        }

        _deferred.Add(new DeferredStatement(sql, copies, duplicateCode));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "A params array must be the last parameter.")]
    private Task DeferAsync(string sql, string duplicateCode, params object?[] values)
    {
        Defer(sql, duplicateCode, values);
        return Task.CompletedTask;
    }

    /// <summary>Adds the held-back statements to <paramref name="batch"/> and clears them; returns each with its duplicate code.</summary>
    private List<(NpgsqlBatchCommand Command, string DuplicateCode)> TakeDeferred(NpgsqlBatch batch)
    {
        var codes = new List<(NpgsqlBatchCommand, string)>(_deferred.Count + 1);
        foreach (var statement in _deferred)
        {
            var command = BatchCommand(statement.Sql, statement.Values);
            batch.BatchCommands.Add(command);
            codes.Add((command, statement.DuplicateCode));
        }

        _deferred.Clear();
        return codes;
    }

    /// <summary>Runs a batch; a constraint error is reported with the duplicate code of the statement that broke it.</summary>
    private static async Task ExecuteWithCodesAsync(NpgsqlBatch batch, List<(NpgsqlBatchCommand Command, string DuplicateCode)> codes, CancellationToken cancellationToken)
    {
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (PostgresErrors.IsConstraint(ex))
        {
            throw PostgresErrors.Translate(ex, DuplicateCodeOf(ex, codes));
        }
    }

    /// <summary>The duplicate code of the statement that broke a constraint: the one writing the table the server names.</summary>
    private static string DuplicateCodeOf(PostgresException ex, List<(NpgsqlBatchCommand Command, string DuplicateCode)> codes)
    {
        foreach (var (command, code) in codes)
        {
            if (ReferenceEquals(command, ex.BatchCommand) || ex.TableName is { } table && Writes(command.CommandText, table)) return code;
        }

        return VaultStoreException.Duplicate;
    }

    private static bool Writes(string sql, string table) =>
        sql.StartsWith($"INSERT INTO {table} ", StringComparison.Ordinal)
        || sql.StartsWith($"UPDATE {table} ", StringComparison.Ordinal)
        || sql.StartsWith($"DELETE FROM {table} ", StringComparison.Ordinal);

    /// <summary>
    /// Opens the connection, locks the chain head and runs the unit of work's first statement, in one round trip: the
    /// statement runs after the lock is granted, as it would in two. Returns the statement's count.
    /// </summary>
    private async Task<int> StartWithAsync(string sql, string duplicateCode, object?[] values, CancellationToken cancellationToken)
    {
        var command = BatchCommand(sql, values);
        var codes = new List<(NpgsqlBatchCommand Command, string DuplicateCode)>();
        await StartInOneTripAsync(
            batch =>
            {
                codes.AddRange(TakeDeferred(batch));
                batch.BatchCommands.Add(command);
                codes.Add((command, duplicateCode));
            },
            async reader =>
            {
                while (await reader.NextResultAsync(cancellationToken))
                {
                }

                return 0;
            },
            codes,
            cancellationToken);
        return command.RecordsAffected;
    }

    /// <summary>
    /// Runs a query in the unit of work and maps its rows. As the unit's first statement, with nothing held back, the
    /// connection is opened, the chain head locked and the query run in one round trip, as <see cref="StartWithAsync"/>
    /// does; later, held-back statements and entries are sent first.
    /// </summary>
    private async Task<List<T>> QueryInUnitAsync<T>(string sql, object?[] values, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        if (_transaction is not null || _pendingAudit.Count > 0 || _deferred.Count > 0)
        {
            await FlushAsync(cancellationToken);
            return await QueryAsync(_connection, sql, values, map, cancellationToken);
        }

        return await StartInOneTripAsync(
            batch => batch.BatchCommands.Add(BatchCommand(sql, values)),
            async reader =>
            {
                var rows = new List<T>();
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
                return rows;
            },
            null,
            cancellationToken);
    }

    /// <summary>
    /// Opens the connection and a transaction and sends the head lock followed by what <paramref name="add"/> puts in
    /// the batch; <paramref name="readRest"/> reads the results after the head's. A constraint error is reported with
    /// the duplicate code in <paramref name="codes"/> of the statement that broke it. The unit of work holds the
    /// connection, the transaction and the locked head only once all of it succeeded.
    /// </summary>
    private async Task<T> StartInOneTripAsync<T>(Action<NpgsqlBatch> add, Func<NpgsqlDataReader, Task<T>> readRest, List<(NpgsqlBatchCommand Command, string DuplicateCode)>? codes, CancellationToken cancellationToken)
    {
        ThrowIfCompleted();
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(BatchCommand(LockHeadSql));
            add(batch);
            AuditChainHead? head = null;
            T result;
            try
            {
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken)) head = new AuditChainHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
                result = await readRest(reader);
            }
            catch (PostgresException ex) when (codes is not null && PostgresErrors.IsConstraint(ex))
            {
                throw PostgresErrors.Translate(ex, DuplicateCodeOf(ex, codes));
            }

            _connection = connection;
            _transaction = transaction;
            _pendingBase = head ?? throw HeadMissing();
            _head = head;
            return result;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static VaultStoreException HeadMissing() =>
        new("STORE000", "The audit_head row is missing; the schema was altered outside Custodian. Restore it from a backup.");

    private async Task CompleteAsync()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _pendingAudit.Clear();
        _deferred.Clear();
        var transaction = _transaction;
        _transaction = null;
        try
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
                await _connection.DisposeAsync();
            }
        }
        finally
        {
            _release();
        }
    }

    /// <summary>A write held back until the next statement that needs an answer, or the commit.</summary>
    private sealed record DeferredStatement(string Sql, object?[] Values, string DuplicateCode);
}
