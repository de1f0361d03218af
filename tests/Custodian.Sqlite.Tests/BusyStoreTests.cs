using System.Diagnostics;
using Custodian.Storage.Conformance;
using Microsoft.Data.Sqlite;

namespace Custodian.Sqlite.Tests;

/// <summary>
/// Another process holding the database's write lock: every write of this store gives up with SQLITE_BUSY within about
/// two busy timeouts — those queued behind the first included, instead of each waiting its own timeout in turn — and
/// the store writes again once the lock is gone.
/// </summary>
public sealed class BusyStoreTests : IDisposable
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(2);
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Writes_queued_behind_a_lock_held_elsewhere_all_give_up_with_busy_within_about_two_timeouts()
    {
        const int Writers = 5;
        await using var store = await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = _directory.Path, CheckpointSigner = TestData.Signer, BusyTimeout = BusyTimeout }, CancellationToken.None);
        await using var other = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, SqliteVaultStoreOptions.DatabaseFileName)};Pooling=False");
        await other.OpenAsync();
        await using (var hold = other.CreateCommand())
        {
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        var writes = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteOneAsync(store))).ToArray();
        var failures = await Task.WhenAll(writes.Select(async w => await Record.ExceptionAsync(() => w)));
        var elapsed = watch.Elapsed;

        // In turn they would take five timeouts (10 s); the first waits one out, the one that gets its turn as it gives
        // up waits a second, and the rest give up with the first.
        Assert.All(failures, f => Assert.Equal(5, Assert.IsType<SqliteException>(f).SqliteErrorCode));
        Assert.True(elapsed < BusyTimeout * 4, $"{Writers} writers took {elapsed.TotalSeconds:F1} s to give up");

        await using (var release = other.CreateCommand())
        {
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }

        await WriteOneAsync(store);
        Assert.Equal(1, (await store.GetAuditHeadAsync(CancellationToken.None)).Sequence);
    }

    private static async Task WriteOneAsync(SqliteVaultStore store)
    {
        await using var tx = await store.BeginAsync(CancellationToken.None);
        await tx.AppendAuditAsync(TestData.Audit("test.write"), CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }
}
