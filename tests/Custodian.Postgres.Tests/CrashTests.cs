using System.Security.Cryptography;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;
using Npgsql;

namespace Custodian.Postgres.Tests;

/// <summary>
/// Crashes a real writer process, and a real PostgreSQL server, in the middle of a batch, then checks what is left:
/// every batch whose commit was acknowledged, whole; nothing of any other batch in any table; an audit chain that
/// verifies, a chain head row on its last entry, and new writes that chain on. A batch (written by
/// <c>Custodian.CrashWriter</c>) is one subject, its key, <see cref="EventsPerBatch"/> events and audit entry n for batch n.
/// Each test crashes twice: once at a moment of chance, once with a batch surely half sent (its subject, key and events
/// on the server, its commit not), since a moment of chance may fall between two batches.
/// </summary>
public sealed class CrashTests : IAsyncLifetime, IAsyncDisposable
{
    private const int EventsPerBatch = 400;
    private const int BatchesBeforeHold = 3;

    private readonly SchemaFixture _schema = new("crash");
    private readonly string _masterKey;
    private readonly AuditCheckpointSigner _signer;

    public CrashTests()
    {
        var masterKey = RandomNumberGenerator.GetBytes(32);
        _masterKey = Convert.ToBase64String(masterKey);
        using var keys = new KeyRing(masterKey);
        _signer = new AuditCheckpointSigner(keys.AuditKey);
    }

    private static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes test classes through IAsyncLifetime only.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _schema.DisposeAsync();

    [PostgresFact]
    public async Task A_writer_killed_mid_batch_leaves_only_whole_batches_and_a_verifying_chain()
    {
        var connectionString = await _schema.ConnectionStringAsync();

        using (var writer = CrashWriterProcess.Start(connectionString, _schema.Schema, _masterKey, EventsPerBatch, batchesBeforeHold: null))
        {
            await writer.WaitForCommitsAsync(8, Ct);
            await Task.Delay(Random.Shared.Next(5, 40), Ct);
            var reported = await writer.KillAsync();
            await writer.WaitUntilServerLetsGoAsync(Ct);
            await AssertOnlyWholeBatchesAsync(connectionString, _schema.Schema, reported, held: null);
        }

        using (var writer = CrashWriterProcess.Start(connectionString, _schema.Schema, _masterKey, EventsPerBatch, BatchesBeforeHold))
        {
            var held = await writer.WaitUntilHoldingAsync(Ct);
            var reported = await writer.KillAsync();
            await writer.WaitUntilServerLetsGoAsync(Ct);
            await AssertOnlyWholeBatchesAsync(connectionString, _schema.Schema, reported, held);
        }

        await using var store = await OpenAsync(connectionString, _schema.Schema);
        await AssertNewWritesChainOnAsync(store, connectionString, _schema.Schema);
    }

    [ThrowawayClusterFact]
    public async Task A_server_stopped_abruptly_mid_batch_recovers_only_whole_batches_and_a_verifying_chain()
    {
        const string Schema = "crash";

        // A cluster of its own, with PostgreSQL's durable defaults (synchronous commit): the shared one trades them for speed.
        var cluster = await ThrowawayCluster.StartAsync(PostgresAvailability.BinDirectory!, durable: true, Ct);
        try
        {
            using (var writer = CrashWriterProcess.Start(cluster.ConnectionString, Schema, _masterKey, EventsPerBatch, batchesBeforeHold: null))
            {
                await writer.WaitForCommitsAsync(6, Ct);
                await Task.Delay(Random.Shared.Next(5, 40), Ct);
                await cluster.CrashAsync(Ct);
                var reported = await writer.KillAsync();
                await cluster.RestartAsync(Ct);
                await AssertOnlyWholeBatchesAsync(cluster.ConnectionString, Schema, reported, held: null);
            }

            using (var writer = CrashWriterProcess.Start(cluster.ConnectionString, Schema, _masterKey, EventsPerBatch, BatchesBeforeHold))
            {
                var held = await writer.WaitUntilHoldingAsync(Ct);

                // The half-sent batch's rows go to the data files as they are, uncommitted, as a busy server's would.
                await ExecuteAsync(cluster.ConnectionString, Schema, "CHECKPOINT");
                await cluster.CrashAsync(Ct);
                var reported = await writer.KillAsync();
                await cluster.RestartAsync(Ct);
                await AssertOnlyWholeBatchesAsync(cluster.ConnectionString, Schema, reported, held);
            }

            // This store stays open through one more crash, as a running server's does.
            await using var store = await OpenAsync(cluster.ConnectionString, Schema);
            await AssertNewWritesChainOnAsync(store, cluster.ConnectionString, Schema);
            await cluster.CrashAsync(Ct);
            await cluster.RestartAsync(Ct);
            try
            {
                await AppendAuditOnlyAsync(store, "subject.read");
            }
            catch (NpgsqlException)
            {
                // The unit of work that meets a pooled connection the crash cut off fails (whole); Npgsql then clears the pool.
            }

            await AssertNewWritesChainOnAsync(store, cluster.ConnectionString, Schema);
        }
        finally
        {
            await cluster.StopAsync(wait: true);
        }
    }

    private async Task AssertOnlyWholeBatchesAsync(string connectionString, string schema, long reported, long? held)
    {
        await using var store = await OpenAsync(connectionString, schema);
        var head = await store.GetAuditHeadAsync(Ct);

        var verification = await new AuditVerifier(_signer).VerifyAsync(store, Ct);
        Assert.True(verification.IsValid, verification.Message);
        Assert.True(head.Sequence >= reported, $"committed batch {reported} was acknowledged but the log ends at {head.Sequence}");
        if (held is { } heldBatch)
        {
            Assert.Equal(heldBatch - 1, head.Sequence);
        }

        var entries = await store.ReadAuditAsync(1, int.MaxValue, Ct);
        Assert.Equal(head.Sequence, entries.Count);
        Assert.All(entries, e => Assert.Equal(("event.write", "sub_batch_" + e.Sequence), (e.Action, e.SubjectId)));
        for (var batch = 1; batch <= head.Sequence; batch++)
        {
            var subjectId = "sub_batch_" + batch;
            Assert.Equal(EventsPerBatch, await store.CountEventsAsync(subjectId, Ct));
            Assert.NotNull(await store.GetSubjectAsync(subjectId, Ct));
            Assert.NotNull(await store.GetSubjectKeyAsync(subjectId, Ct));
        }

        // Nothing of a batch past the log, whole or in part, under any name.
        foreach (var (table, perBatch) in new[] { ("subjects", 1), ("subject_keys", 1), ("events", EventsPerBatch) })
        {
            var rows = await ScalarAsync<long>(connectionString, schema, "SELECT COUNT(*) FROM " + table);
            Assert.True(rows == head.Sequence * perBatch, $"{table} holds {rows} rows for {head.Sequence} whole batches: a batch was stored in part");
        }

        await AssertHeadRowIsLastEntryAsync(store, connectionString, schema);
    }

    /// <summary>A unit of work that takes the chain head lock, then an audit-only one that links to the head it left; both follow the recovered chain.</summary>
    private async Task AssertNewWritesChainOnAsync(PostgresVaultStore store, string connectionString, string schema)
    {
        var before = await store.GetAuditHeadAsync(Ct);
        var subjectId = "sub_after_crash_" + before.Sequence;

        AuditEntry created;
        await using (var transaction = await store.BeginAsync(Ct))
        {
            var at = DateTimeOffset.UtcNow;
            await transaction.CreateSubjectAsync(new StoredSubject(subjectId, at), Ct);
            created = await transaction.AppendAuditAsync(new AuditEntry(at, AuditEntry.SystemActor, "subject.create") { SubjectId = subjectId }, Ct);
            await transaction.CommitAsync(Ct);
        }

        var read = await AppendAuditOnlyAsync(store, "subject.read");

        var verification = await new AuditVerifier(_signer).VerifyAsync(store, Ct);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal((before.Sequence + 1, before.Sequence + 2), (created.Sequence, read.Sequence));
        Assert.Equal(before.Sequence + 2, (await store.GetAuditHeadAsync(Ct)).Sequence);
        Assert.NotNull(await store.GetSubjectAsync(subjectId, Ct));
        await AssertHeadRowIsLastEntryAsync(store, connectionString, schema);
    }

    /// <summary>The head row the next unit of work links to is the last entry, or that unit would fork the chain or fail.</summary>
    private static async Task AssertHeadRowIsLastEntryAsync(PostgresVaultStore store, string connectionString, string schema)
    {
        var head = await store.GetAuditHeadAsync(Ct);
        Assert.Equal(head.Sequence, await ScalarAsync<long>(connectionString, schema, "SELECT seq FROM audit_head WHERE id = 1"));
        Assert.Equal(head.Hash, await ScalarAsync<byte[]>(connectionString, schema, "SELECT hash FROM audit_head WHERE id = 1"));
    }

    private static async Task<AuditEntry> AppendAuditOnlyAsync(PostgresVaultStore store, string action)
    {
        await using var transaction = await store.BeginAsync(Ct);
        var entry = await transaction.AppendAuditAsync(new AuditEntry(DateTimeOffset.UtcNow, AuditEntry.SystemActor, action), Ct);
        await transaction.CommitAsync(Ct);
        return entry;
    }

    private Task<PostgresVaultStore> OpenAsync(string connectionString, string schema) =>
        PostgresVaultStore.OpenAsync(new PostgresVaultStoreOptions { ConnectionString = connectionString, Schema = schema, CheckpointSigner = _signer }, Ct);

    private static async Task<T> ScalarAsync<T>(string connectionString, string schema, string sql)
    {
        await using var connection = await ConnectAsync(connectionString, schema);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(string connectionString, string schema, string sql)
    {
        await using var connection = await ConnectAsync(connectionString, schema);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<NpgsqlConnection> ConnectAsync(string connectionString, string schema)
    {
        // No pooling: a pooled connection would outlive the server it was opened on.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }
}
