using Custodian.Audit;
using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Audit entries of <see cref="PostgresVaultTransaction"/>: held back, linked to the chain head, sent in batches.</summary>
internal sealed partial class PostgresVaultTransaction
{
    private const string HeadMovedSqlState = "22012";
    private const string InsertAuditSql = "INSERT INTO audit_entries (seq, at, action, subject_id, body, hash) VALUES ($1, $2, $3, $4, $5, $6)";
    private const string CheckpointSql = "INSERT INTO audit_checkpoints (seq, entry_hash, at, signature) VALUES ($1, $2, $3, $4) ON CONFLICT (seq) DO UPDATE SET entry_hash = excluded.entry_hash, at = excluded.at, signature = excluded.signature";

    // Division by zero when the head is no longer where this store left it: the implicit transaction fails whole.
    private const string MoveHeadIfUnchangedSql = """
        WITH moved AS (UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1 AND seq = $3 AND hash = $4 RETURNING 1)
        SELECT 1 / (SELECT COUNT(*) FROM moved)::int
        """;

    // The same check with the one entry of an audit-only unit of work inserted by the same statement: a data-modifying
    // CTE runs whether or not it is read, and the division by zero undoes it with the rest.
    private const string MoveHeadAndInsertIfUnchangedSql = """
        WITH moved AS (UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1 AND seq = $3 AND hash = $4 RETURNING 1),
             entry AS (INSERT INTO audit_entries (seq, at, action, subject_id, body, hash) VALUES ($5, $6, $7, $8, $9, $10))
        SELECT 1 / (SELECT COUNT(*) FROM moved)::int
        """;

    public async Task<AuditEntry> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ThrowIfCompleted();
        if (_head is null) await StartAsync(cancellationToken);
        var head = _head!;
        if (_pendingAudit.Count == 0) _pendingBase = head;
        var chained = AuditChain.Link(head, entry);
        _pendingAudit.Add(entry);
        _head = new AuditChainHead(chained.Entry.Sequence, chained.Hash);
        _headMoved = true;
        return chained.Entry;
    }

    public Task<AuditCheckpoint?> WriteAuditCheckpointAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteCheckpointAsync(at, cancellationToken);

    /// <summary>
    /// Commits the held-back statements and audit entries without the lock, in one round trip, when the chain head is
    /// still the one the entries were linked to; false (nothing written, everything still held back) when another
    /// process moved it. A held-back statement that breaks a constraint fails the unit of work.
    /// </summary>
    private async Task<bool> TryCommitUnlockedAsync(CancellationToken cancellationToken)
    {
        var expected = _pendingBase!;
        var entries = _pendingAudit.ToList();
        var deferred = _deferred.ToList();
        var final = _head!;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var inserts = TakePendingAudit();
        if (inserts is [{ CommandText: InsertAuditSql } insert])
        {
            // One entry (every audited read and decision): the head moves and the entry goes in one statement.
            object?[] values = [final.Sequence, final.Hash, expected.Sequence, expected.Hash, .. insert.Parameters.Select(p => p.Value)];
            batch.BatchCommands.Add(BatchCommand(MoveHeadAndInsertIfUnchangedSql, values));
            inserts.Clear();
        }
        else
        {
            batch.BatchCommands.Add(BatchCommand(MoveHeadIfUnchangedSql, final.Sequence, final.Hash, expected.Sequence, expected.Hash));
        }

        var codes = TakeDeferred(batch);
        foreach (var command in inserts) batch.BatchCommands.Add(command);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == HeadMovedSqlState
                                           || (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.TableName == "audit_entries"))
        {
            _pendingAudit.AddRange(entries);
            _deferred.AddRange(deferred);
            _pendingBase = expected;
            return false;
        }
        catch (PostgresException ex) when (PostgresErrors.IsConstraint(ex))
        {
            throw PostgresErrors.Translate(ex, DuplicateCodeOf(ex, codes));
        }
    }

    private async Task<AuditCheckpoint?> WriteCheckpointAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        var head = _head!;
        if (head.Sequence == 0)
        {
            return null;
        }

        var checkpoint = _options.CheckpointSigner.Sign(head.Sequence, head.Hash, at);
        await RunAsync(CheckpointSql, VaultStoreException.Duplicate, cancellationToken, checkpoint.Sequence, checkpoint.EntryHash, Ticks(checkpoint.At), checkpoint.Signature);
        return checkpoint;
    }

    /// <summary>
    /// Links the held-back entries from <paramref name="from"/> and returns the head after the last; with
    /// <paramref name="commands"/>, also adds their inserts and the checkpoints due at their sequence numbers.
    /// </summary>
    private AuditChainHead LinkPending(AuditChainHead from, List<NpgsqlBatchCommand>? commands)
    {
        var head = from;
        foreach (var entry in _pendingAudit)
        {
            var chained = AuditChain.Link(head, entry);
            head = new AuditChainHead(chained.Entry.Sequence, chained.Hash);
            if (commands is null) continue;
            commands.Add(BatchCommand(InsertAuditSql, chained.Entry.Sequence, Ticks(chained.Entry.At), chained.Entry.Action, chained.Entry.SubjectId, chained.Body, chained.Hash));
            if (_options.CheckpointInterval > 0 && chained.Entry.Sequence % _options.CheckpointInterval == 0)
            {
                var checkpoint = _options.CheckpointSigner.Sign(head.Sequence, head.Hash, chained.Entry.At);
                commands.Add(BatchCommand(CheckpointSql, checkpoint.Sequence, checkpoint.EntryHash, Ticks(checkpoint.At), checkpoint.Signature));
            }
        }

        return head;
    }

    /// <summary>Sends held-back statements and audit entries before a statement that does not go through <see cref="RunAsync"/>.</summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var transaction = await StartAsync(cancellationToken);
        if (_pendingAudit.Count == 0 && _deferred.Count == 0) return;
        await using var batch = new NpgsqlBatch(_connection, transaction);
        var codes = TakeDeferred(batch);
        foreach (var pending in TakePendingAudit()) batch.BatchCommands.Add(pending);
        await ExecuteWithCodesAsync(batch, codes, cancellationToken);
    }

    /// <summary>The inserts (and checkpoints) of the held-back entries, linked from where they start; clears them.</summary>
    private List<NpgsqlBatchCommand> TakePendingAudit()
    {
        var commands = new List<NpgsqlBatchCommand>(_pendingAudit.Count);
        _pendingBase = LinkPending(_pendingBase!, commands);
        _pendingAudit.Clear();
        return commands;
    }
}
