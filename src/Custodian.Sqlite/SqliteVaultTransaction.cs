using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;
using Microsoft.Data.Sqlite;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>
/// A SQLite <c>BEGIN IMMEDIATE</c> transaction on the store's single writer connection. Holds the
/// store's write lock from begin to commit or rollback, so audit sequence numbers never race. Begin, commit and
/// rollback are cached statements of the connection, prepared once, like every other statement of the unit of work.
/// </summary>
internal sealed partial class SqliteVaultTransaction : IVaultTransaction
{
    private const int SqliteConstraint = 19;
    private const int ConstraintForeignKey = 787;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommandCache _commands;
    private readonly SqliteVaultStoreOptions _options;
    private readonly Action _release;
    private bool _open;
    private AuditChainHead? _head;

    public SqliteVaultTransaction(SqliteConnection connection, SqliteCommandCache commands, SqliteVaultStoreOptions options, Action release)
    {
        _connection = connection;
        _commands = commands;
        _options = options;
        _release = release;
        commands.Get("BEGIN IMMEDIATE", null).ExecuteNonQuery();
        _open = true;
    }

    public Task CreateSubjectAsync(StoredSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        Run(
            "INSERT INTO subjects (id, created_at, birth_date_sealed, merged_into, merged_at, shredded_at) VALUES ($p0, $p1, $p2, NULL, NULL, NULL)",
            cancellationToken,
            VaultStoreException.Duplicate,
            subject.SubjectId,
            Ticks(subject.CreatedAt),
            subject.BirthDateSealed);
        return Task.CompletedTask;
    }

    public Task RequireLiveSubjectAsync(string subjectId, CancellationToken cancellationToken)
    {
        if (Scalar("SELECT COUNT(*) FROM subjects WHERE id = $p0 AND merged_into IS NULL AND shredded_at IS NULL", cancellationToken, subjectId) == 0)
        {
            throw new VaultStoreException(VaultStoreException.SubjectNotLive, $"Subject {subjectId} does not exist, was merged or was erased.");
        }

        return Task.CompletedTask;
    }

    public Task RequireSubjectVersionAsync(string subjectId, long stateVersion, long? recordsVersion, CancellationToken cancellationToken)
    {
        // Under the write lock: nothing can move a version between this check and the commit.
        cancellationToken.ThrowIfCancellationRequested();
        var command = Command("SELECT version, records_version FROM subject_state_versions WHERE subject_id = $p0");
        Bind(command, [subjectId]);
        long state = 0, records = 0;
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read()) (state, records) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (state != stateVersion || (recordsVersion is { } expected && records != expected))
        {
            throw new VaultStoreException(VaultStoreException.SubjectChanged, $"Subject {subjectId} changed since its state was read.");
        }

        return Task.CompletedTask;
    }

    public Task AddLookupKeyAsync(string subjectId, LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken)
    {
        Run("INSERT INTO lookup_keys (kind, blind_index, subject_id) VALUES ($p0, $p1, $p2)", cancellationToken, VaultStoreException.LookupTaken, (int)kind, blindIndex.ToArray(), subjectId);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveLookupKeyAsync(LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken) =>
        Task.FromResult(Run("DELETE FROM lookup_keys WHERE kind = $p0 AND blind_index = $p1", cancellationToken, null, (int)kind, blindIndex.ToArray()) > 0);

    public Task StoreSubjectKeyAsync(WrappedSubjectKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        Run("INSERT INTO subject_keys (subject_id, key_id, wrapped, created_at) VALUES ($p0, $p1, $p2, $p3)", cancellationToken, VaultStoreException.Duplicate, key.SubjectId, (long)key.KeyId, key.Wrapped, Ticks(key.CreatedAt));
        return Task.CompletedTask;
    }

    public Task<int> ShredSubjectAsync(string subjectId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        RequireSubject(subjectId, cancellationToken);
        var destroyed = 0;
        foreach (var id in Family(subjectId, cancellationToken))
        {
            destroyed += Run("DELETE FROM subject_keys WHERE subject_id = $p0", cancellationToken, null, id);
            Run("DELETE FROM lookup_keys WHERE subject_id = $p0", cancellationToken, null, id);
            Run("DELETE FROM device_identifiers WHERE subject_id = $p0", cancellationToken, null, id);
            Run("UPDATE devices SET name_sealed = NULL WHERE subject_id = $p0", cancellationToken, null, id);
            Run("DELETE FROM signin_challenges WHERE subject_id = $p0", cancellationToken, null, id);
            Run("UPDATE subjects SET shredded_at = $p1, birth_date_sealed = NULL WHERE id = $p0 AND shredded_at IS NULL", cancellationToken, null, id, Ticks(at));
        }

        return Task.FromResult(destroyed);
    }

    public Task<int> PurgeShreddedSubjectAsync(string subjectId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        const string Count = """
            SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE subject_id = $p0 LIMIT $p1))
                 + (SELECT COUNT(*) FROM (SELECT 1 FROM records WHERE subject_id = $p0 AND key_kind = $p2 LIMIT $p1))
                 + (SELECT COUNT(*) FROM (SELECT 1 FROM devices WHERE subject_id = $p0 LIMIT $p1))
            """;
        if (Scalar("SELECT COUNT(*) FROM subjects WHERE id = $p0 AND shredded_at IS NOT NULL", cancellationToken, subjectId) == 0) return Task.FromResult(0);
        var family = Family(subjectId, cancellationToken);

        // Counting stops past the limit, so a person with millions of events costs no more to turn away than anyone else.
        var rows = 0;
        foreach (var id in family)
        {
            rows += Scalar(Count, cancellationToken, id, limit + 1 - rows, (int)SealingKeyKind.Subject);
            if (rows > limit) return Task.FromResult(-1);
        }

        var deleted = 0;
        foreach (var id in family)
        {
            deleted += Run("DELETE FROM events WHERE subject_id = $p0", cancellationToken, null, id);
            deleted += Run("DELETE FROM records WHERE subject_id = $p0 AND key_kind = $p1", cancellationToken, null, id, (int)SealingKeyKind.Subject);
            deleted += Run("DELETE FROM devices WHERE subject_id = $p0", cancellationToken, null, id);
            Run("UPDATE subjects SET purged_at = shredded_at WHERE id = $p0 AND purged_at IS NULL", cancellationToken, null, id);
        }

        return Task.FromResult(deleted);
    }

    public async Task<ShredAndPurgeResult> ShredAndPurgeSubjectAsync(string subjectId, DateTimeOffset at, int limit, CancellationToken cancellationToken)
    {
        var destroyed = await ShredSubjectAsync(subjectId, at, cancellationToken);
        return new ShredAndPurgeResult(destroyed, await PurgeShreddedSubjectAsync(subjectId, limit, cancellationToken));
    }

    /// <summary>
    /// The person and everyone merged into them, directly or through an earlier merge. Most people absorbed nobody, so
    /// one probe of the merge index answers; the recursive walk runs only for a survivor of a merge.
    /// </summary>
    private List<string> Family(string subjectId, CancellationToken cancellationToken)
    {
        if (Scalar("SELECT EXISTS (SELECT 1 FROM subjects WHERE merged_into = $p0)", cancellationToken, subjectId) == 0) return [subjectId];
        var command = Command("WITH RECURSIVE family(id) AS (SELECT $p0 UNION SELECT s.id FROM subjects s JOIN family f ON s.merged_into = f.id) SELECT id FROM family");
        Bind(command, [subjectId]);
        var family = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) family.Add(reader.GetString(0));
        return family;
    }

    public Task MergeSubjectsAsync(string survivorId, string mergedId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (string.Equals(survivorId, mergedId, StringComparison.Ordinal))
        {
            throw new VaultStoreException(VaultStoreException.InvalidMerge, $"Subject {survivorId} cannot be merged with itself.");
        }

        foreach (var id in (ReadOnlySpan<string>)[survivorId, mergedId])
        {
            RequireSubject(id, cancellationToken);
            if (Scalar("SELECT COUNT(*) FROM subjects WHERE id = $p0 AND merged_into IS NOT NULL", cancellationToken, id) > 0)
            {
                throw new VaultStoreException(VaultStoreException.InvalidMerge, $"Subject {id} was already merged.");
            }
        }

        foreach (var table in MergedTables)
        {
            Run($"UPDATE {table} SET subject_id = $p0 WHERE subject_id = $p1", cancellationToken, null, survivorId, mergedId);
        }

        // The same device bound under both registrations becomes one binding of the survivor.
        Run("UPDATE OR REPLACE devices SET subject_id = $p0 WHERE subject_id = $p1", cancellationToken, null, survivorId, mergedId);
        Run("UPDATE device_identifiers SET subject_id = $p0 WHERE subject_id = $p1", cancellationToken, null, survivorId, mergedId);
        Run("UPDATE subjects SET merged_into = $p0, merged_at = $p2 WHERE id = $p1", cancellationToken, null, survivorId, mergedId, Ticks(at));
        return Task.CompletedTask;
    }

    public Task<AuditEntry> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var chained = AuditChain.Link(Head(), entry);
        Run("INSERT INTO audit_entries (seq, at, action, subject_id, body, hash) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)", cancellationToken, null, chained.Entry.Sequence, Ticks(chained.Entry.At), chained.Entry.Action, chained.Entry.SubjectId, chained.Body, chained.Hash);
        _head = new AuditChainHead(chained.Entry.Sequence, chained.Hash);
        if (_options.CheckpointInterval > 0 && chained.Entry.Sequence % _options.CheckpointInterval == 0)
        {
            WriteCheckpoint(chained.Entry.At, cancellationToken);
        }

        return Task.FromResult(chained.Entry);
    }

    public Task<AuditCheckpoint?> WriteAuditCheckpointAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(WriteCheckpoint(at, cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Command("COMMIT").ExecuteNonQuery();
        Complete();
        return Task.CompletedTask;
    }

    public Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_open)
        {
            try
            {
                RollbackIfActive();
            }
            finally
            {
                Complete();
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => new(RollbackAsync(CancellationToken.None));

    /// <summary>Rolls back unless SQLite already did (some errors end the transaction themselves).</summary>
    private void RollbackIfActive()
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0) _commands.Get("ROLLBACK", null).ExecuteNonQuery();
    }

    private static readonly string[] MergedTables =
    [
        "lookup_keys", "records", "events", "consents", "objections", "restrictions", "legal_holds",
        "relationship_events", "recipient_authorisations", "guardian_consents",
    ];

    private AuditCheckpoint? WriteCheckpoint(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var head = Head();
        if (head.Sequence == 0)
        {
            return null;
        }

        var checkpoint = _options.CheckpointSigner.Sign(head.Sequence, head.Hash, at);
        Run("INSERT OR REPLACE INTO audit_checkpoints (seq, entry_hash, at, signature) VALUES ($p0, $p1, $p2, $p3)", cancellationToken, null, checkpoint.Sequence, checkpoint.EntryHash, Ticks(checkpoint.At), checkpoint.Signature);
        return checkpoint;
    }

    private AuditChainHead Head()
    {
        if (_head is null)
        {
            using var reader = Command("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1").ExecuteReader();
            _head = reader.Read() ? new AuditChainHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)) : AuditChainHead.Empty;
        }

        return _head;
    }

    private void RequireSubject(string subjectId, CancellationToken cancellationToken)
    {
        if (Scalar("SELECT COUNT(*) FROM subjects WHERE id = $p0", cancellationToken, subjectId) == 0)
        {
            throw new VaultStoreException(VaultStoreException.UnknownSubject, $"Subject {subjectId} does not exist.");
        }
    }

    private SqliteCommand Command(string sql) =>
        _open ? _commands.Get(sql, null) : throw new InvalidOperationException("The transaction has already completed.");

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "A params array must be the last parameter.")]
    private int Scalar(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var command = Command(sql);
        Bind(command, values);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "A params array must be the last parameter.")]
    private int Run(string sql, CancellationToken cancellationToken, string? duplicateCode, params object?[] values)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var command = Command(sql);
        Bind(command, values);
        try
        {
            return command.ExecuteNonQuery();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw Translate(ex, duplicateCode ?? VaultStoreException.Duplicate);
        }
    }

    // Constraint messages from SQLite name columns, never values, so they are safe to wrap.
    private static VaultStoreException Translate(SqliteException ex, string duplicateCode) =>
        ex.SqliteExtendedErrorCode == ConstraintForeignKey
            ? new VaultStoreException(VaultStoreException.UnknownSubject, "A referenced subject or record does not exist.", ex)
            : new VaultStoreException(duplicateCode, "The id or key is already in use.", ex);

    private void Complete()
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        _release();
    }
}
