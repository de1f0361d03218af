using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Sqlite;
using Custodian.Storage;
using Custodian.Vault;
using Microsoft.Data.Sqlite;

namespace Custodian.Benchmarks;

/// <summary>
/// Erasing a person by crypto-shredding: <see cref="IVaultTransaction.ShredSubjectAsync"/> and the commit, for a
/// person with 1,000 and with 1,000,000 sealed events. The baseline is an empty write transaction on the same store.
/// Every iteration restores the person's key first (outside the measurement), so each one shreds a live person.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 3, iterationCount: 30, invocationCount: 1)]
public class ShredBenchmarks
{
    private const int Batch = 10_000;

    private string _directory = "";
    private KeyRing _keys = null!;
    private SqliteVaultStore _store = null!;
    private SqliteConnection _restore = null!;
    private WrappedSubjectKey _key = null!;
    private const string Subject = "sub_shred_bench";

    [Params(1_000, 1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = BenchVault.TempDirectory("shred");
        _keys = new KeyRing(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _store = await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = _directory, CheckpointSigner = new AuditCheckpointSigner(_keys.AuditKey) }, CancellationToken.None);
        using var dataKey = _keys.CreateSubjectKey(Subject);
        _key = new WrappedSubjectKey(Subject, dataKey.KeyId, dataKey.Wrapped, DateTimeOffset.UtcNow);
        await using (var tx = await _store.BeginAsync(CancellationToken.None))
        {
            await tx.CreateSubjectAsync(new StoredSubject(Subject, DateTimeOffset.UtcNow), CancellationToken.None);
            await tx.StoreSubjectKeyAsync(_key, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }

        using var sealer = dataKey.CreateSealer();
        var payload = "{\"temperature\":21.5,\"humidity\":40}"u8.ToArray();
        var start = DateTimeOffset.UtcNow;
        for (var written = 0; written < Events; written += Batch)
        {
            var count = Math.Min(Batch, Events - written);
            var events = new List<StoredEvent>(count);
            for (var i = 0; i < count; i++)
            {
                var id = Ids.NewEventId();
                events.Add(new StoredEvent(id, Subject, BenchVault.SensorCategory, start.AddMilliseconds(written + i), "dev-1", sealer.Seal(payload, new SealBinding(Subject, BenchVault.SensorCategory, id))));
            }

            await using var tx = await _store.BeginAsync(CancellationToken.None);
            await tx.AppendEventsAsync(events, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }

        if (await _store.CountEventsAsync(Subject, CancellationToken.None) != Events) throw new InvalidOperationException("the events were not all written");
        _restore = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, SqliteVaultStoreOptions.DatabaseFileName), DefaultTimeout = 30 }.ToString());
        _restore.Open();
    }

    [IterationSetup]
    public void Restore()
    {
        using var command = _restore.CreateCommand();
        command.CommandText = "UPDATE subjects SET shredded_at = NULL WHERE id = $id; INSERT OR IGNORE INTO subject_keys (subject_id, key_id, wrapped, created_at) VALUES ($id, $key, $wrapped, 0)";
        command.Parameters.AddWithValue("$id", Subject);
        command.Parameters.AddWithValue("$key", (long)_key.KeyId);
        command.Parameters.AddWithValue("$wrapped", _key.Wrapped);
        command.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _restore.Dispose();
        await _store.DisposeAsync();
        _keys.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "empty write transaction")]
    public async Task Empty()
    {
        await using var tx = await _store.BeginAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }

    [Benchmark(Description = "ShredSubjectAsync + commit")]
    public async Task<int> Shred()
    {
        await using var tx = await _store.BeginAsync(CancellationToken.None);
        var destroyed = await tx.ShredSubjectAsync(Subject, DateTimeOffset.UtcNow, CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        return destroyed;
    }
}
