using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Sqlite;
using Microsoft.Data.Sqlite;

namespace Custodian.Benchmarks;

/// <summary>
/// Verifying an audit chain of 1,000,000 entries (with a signed checkpoint every 1,000) with
/// <see cref="AuditVerifier"/>. The baseline streams the same rows out of SQLite and only counts them, the floor
/// any verification pays for reading.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class AuditVerifyBenchmarks
{
    private const int Batch = 10_000;

    private string _directory = "";
    private KeyRing _keys = null!;
    private SqliteVaultStore _store = null!;
    private AuditVerifier _verifier = null!;

    [Params(1_000_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = BenchVault.TempDirectory("audit");
        _keys = new KeyRing(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var signer = new AuditCheckpointSigner(_keys.AuditKey);
        _store = await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = _directory, CheckpointSigner = signer }, CancellationToken.None);
        _verifier = new AuditVerifier(signer);
        var at = DateTimeOffset.UtcNow;
        for (var written = 0; written < Entries; written += Batch)
        {
            await using var tx = await _store.BeginAsync(CancellationToken.None);
            for (var i = 0; i < Batch; i++)
            {
                await tx.AppendAuditAsync(new AuditEntry(at, "key_1", "record.read") { SubjectId = "sub_" + (i % 997), Purpose = "essential.service", Categories = ["user.contact.email"], Count = 1 }, CancellationToken.None);
            }

            await tx.CommitAsync(CancellationToken.None);
        }

        var result = await _verifier.VerifyAsync(_store, CancellationToken.None);
        if (result.EntriesVerified != Entries) throw new InvalidOperationException(result.Message);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _store.DisposeAsync();
        _keys.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "read and count the rows")]
    public async Task<long> ReadOnly()
    {
        var counter = new CountingVisitor();
        await _store.ReadAuditChainAsync(1, counter, CancellationToken.None);
        return counter.Count;
    }

    [Benchmark(Description = "AuditVerifier.VerifyAsync")]
    public Task<AuditVerificationResult> Verify() => _verifier.VerifyAsync(_store, CancellationToken.None);

    private sealed class CountingVisitor : Custodian.Storage.IAuditChainVisitor
    {
        public long Count { get; private set; }

        public bool VisitEntry(long sequence, ReadOnlySpan<byte> body, ReadOnlySpan<byte> hash)
        {
            Count++;
            return true;
        }
    }
}
