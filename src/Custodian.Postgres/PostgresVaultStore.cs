using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>
/// The server store: one schema in a PostgreSQL database, reached through a pooled
/// <see cref="NpgsqlDataSource"/>. Any number of processes may open the same schema; every unit of
/// work locks the audit chain head first, so writers take turns and the chain never forks.
/// </summary>
public sealed partial class PostgresVaultStore : IVaultStore
{
    private readonly PostgresVaultStoreOptions _options;
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    // The chain head this store last committed (read and written under _writeLock): an audit-only unit of work links to
    // it without taking the row lock, and falls back to the lock when another process moved the chain meanwhile.
    private AuditChainHead? _lastHead;

    private PostgresVaultStore(PostgresVaultStoreOptions options, NpgsqlDataSource dataSource)
    {
        _options = options;
        _dataSource = dataSource;
    }

    /// <summary>The schema this store works in.</summary>
    public string Schema => _options.Schema;

    /// <summary>Opens the store, creating and migrating its schema when needed.</summary>
    /// <exception cref="VaultStoreException"><c>STORE007</c> when the schema is newer than this build.</exception>
    /// <exception cref="ArgumentException">The schema name is not a plain identifier.</exception>
    public static async Task<PostgresVaultStore> OpenAsync(PostgresVaultStoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.CheckpointSigner);
        PostgresSchema.ValidateName(options.Schema);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = options.Schema };
        if (builder.MaxAutoPrepare == 0)
        {
            // Statements run again and again (event batches, ledger appends): let Npgsql prepare the hot ones.
            builder.MaxAutoPrepare = 64;
        }

        // The store changes no session state (its locks and settings are transaction-scoped), so a connection returned
        // to its pool needs no reset: without this every open sent RESET ALL and friends ahead of its first statement.
        builder.NoResetOnClose = true;
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        try
        {
            await PostgresSchema.MigrateAsync(dataSource, options.Schema, options.TimeProvider, cancellationToken);
            return new PostgresVaultStore(options, dataSource);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>Units of work of this store run one at a time; those of other processes wait on the chain head row.</remarks>
    public async Task<IVaultTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        return PostgresVaultTransaction.Begin(_dataSource, _options, _lastHead, head => _lastHead = head, () => _writeLock.Release());
    }

    /// <inheritdoc />
    public Task<StoredSubject?> GetSubjectAsync(string subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync(async c => (await QuerySubjectsAsync(c, "WHERE id = $1", subjectId, cancellationToken)).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSubject>> GetMergedSubjectsAsync(string survivorId, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<StoredSubject>>(async c => await QuerySubjectsAsync(c, "WHERE merged_into = $1 ORDER BY merged_at, id", survivorId, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<string?> FindSubjectAsync(LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken) =>
        WithConnectionAsync(c => ScalarAsync<string>(c, "SELECT subject_id FROM lookup_keys WHERE kind = $1 AND blind_index = $2", cancellationToken, (int)kind, blindIndex), cancellationToken);

    /// <inheritdoc />
    public Task<WrappedSubjectKey?> GetSubjectKeyAsync(string subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async c => (await QueryAsync(c, "SELECT subject_id, key_id, wrapped, created_at FROM subject_keys WHERE subject_id = $1", [subjectId], MapSubjectKey, cancellationToken)).FirstOrDefault(),
            cancellationToken);

    /// <inheritdoc />
    public Task<StoredRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken) =>
        WithConnectionAsync(async c => (await QueryRecordsAsync(c, "WHERE id = $1", [recordId], cancellationToken)).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> GetRecordsAsync(string subjectId, string? categoryKey, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<StoredRecord>>(
            async c => await QueryRecordsAsync(c, "WHERE subject_id = $1 AND ($2::text IS NULL OR category = $2::text) ORDER BY collected_at, id", [subjectId, categoryKey], cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>One round trip; read committed, as the three single reads would be.</remarks>
    public Task<SubjectRecords> GetSubjectRecordsAsync(string subjectId, string categoryKey, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async connection =>
            {
                await using var batch = new NpgsqlBatch(connection)
                {
                    BatchCommands =
                    {
                        BatchCommand($"SELECT {SubjectColumns} FROM subjects WHERE id = $1", subjectId),
                        BatchCommand($"SELECT {RecordColumns} FROM records WHERE subject_id = $1 AND category = $2 ORDER BY collected_at, id", subjectId, categoryKey),
                        BatchCommand("SELECT subject_id, key_id, wrapped, created_at FROM subject_keys WHERE subject_id = $1", subjectId),
                    },
                };
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                var subject = await reader.ReadAsync(cancellationToken) ? MapSubject(reader) : null;
                var records = await NextResultAsync(reader, MapRecord, cancellationToken);
                var key = (await NextResultAsync(reader, MapSubjectKey, cancellationToken)).FirstOrDefault();
                return new SubjectRecords(subject, records, key);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordVersion>> GetRecordHistoryAsync(string recordId, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<RecordVersion>>(
            async c => await QueryAsync(c, "SELECT record_id, version, source, purpose, collected_at, replaced_at FROM record_versions WHERE record_id = $1 ORDER BY version", [recordId], r =>
                new RecordVersion(r.GetString(0), r.GetInt32(1), (RecordSource)r.GetInt32(2), r.GetString(3), Time(r, 4), Time(r, 5)), cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRecord>> FindExpiredRecordsAsync(DateTimeOffset at, int limit, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<StoredRecord>>(
            async c => await QueryRecordsAsync(c, "WHERE expires_at IS NOT NULL AND expires_at <= $1 AND erased_at IS NULL ORDER BY expires_at, id LIMIT $2", [Ticks(at), limit], cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<long> CountExpiredRecordsAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        WithConnectionAsync(c => ScalarAsync<long>(c, "SELECT COUNT(*) FROM records WHERE expires_at IS NOT NULL AND expires_at <= $1 AND erased_at IS NULL", cancellationToken, Ticks(at)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> GetEventsAsync(string subjectId, string? categoryKey, DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<StoredEvent>>(
            async c => await QueryAsync(
                c,
                "SELECT id, subject_id, key_owner_id, category, at, device_id, sealed FROM events WHERE subject_id = $1 AND at >= $2 AND at < $3 AND ($4::text IS NULL OR category = $4::text) ORDER BY at, id LIMIT $5",
                [subjectId, Ticks(since), Ticks(until), categoryKey, limit],
                r => new StoredEvent(r.GetString(0), r.GetString(1), r.GetString(3), Time(r, 4), OptionalString(r, 5), r.GetFieldValue<byte[]>(6)) { KeyOwnerId = r.GetString(2) },
                cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<long> CountEventsAsync(string subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync(c => ScalarAsync<long>(c, "SELECT COUNT(*) FROM events WHERE subject_id = $1", cancellationToken, subjectId), cancellationToken);

    /// <inheritdoc />
    public Task<AuditChainHead> GetAuditHeadAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async c => (await QueryAsync(c, "SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1", [], r => new AuditChainHead(r.GetInt64(0), r.GetFieldValue<byte[]>(1)), cancellationToken))
                .FirstOrDefault() ?? AuditChainHead.Empty,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long fromSequence, int limit, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<AuditEntry>>(
            async c => await QueryAsync(c, "SELECT body FROM audit_entries WHERE seq >= $1 ORDER BY seq LIMIT $2", [fromSequence, limit], r => AuditEntryEncoding.Decode(r.GetFieldValue<byte[]>(0)), cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadLatestAuditAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return WithConnectionAsync<IReadOnlyList<AuditEntry>>(
            async c =>
            {
                var entries = await QueryAsync(c, "SELECT body FROM audit_entries ORDER BY seq DESC LIMIT $1", [count], r => AuditEntryEncoding.Decode(r.GetFieldValue<byte[]>(0)), cancellationToken);
                entries.Reverse();
                return entries;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditCheckpoint>> ReadAuditCheckpointsAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<AuditCheckpoint>>(
            async c => await QueryAsync(c, "SELECT seq, entry_hash, at, signature FROM audit_checkpoints ORDER BY seq", [], r =>
                new AuditCheckpoint(r.GetInt64(0), r.GetFieldValue<byte[]>(1), Time(r, 2), r.GetFieldValue<byte[]>(3)), cancellationToken),
            cancellationToken);

    /// <summary>Waits for the unit of work in flight, then closes every pooled connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync(CancellationToken.None);
        try
        {
            await _dataSource.DisposeAsync();
        }
        finally
        {
            _writeLock.Release();
            _writeLock.Dispose();
        }
    }
}
