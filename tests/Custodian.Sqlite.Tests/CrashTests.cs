using System.Diagnostics;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;

namespace Custodian.Sqlite.Tests;

/// <summary>Kills a real writer process mid-batch and checks that every batch is all-or-nothing and the audit chain verifies.</summary>
public sealed class CrashTests : IDisposable
{
    private const int EventsPerBatch = 400;
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_writer_killed_mid_batch_leaves_only_whole_batches_and_a_verifying_chain()
    {
        var masterKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
        var lastReported = await RunAndKillWriterAsync(masterKey, reportedBatches: 15);

        using var keys = new KeyRing(Convert.FromBase64String(masterKey));
        await using var store = await SqliteVaultStore.OpenAsync(
            new SqliteVaultStoreOptions { DataDirectory = _directory.Path, CheckpointSigner = new AuditCheckpointSigner(keys.AuditKey) },
            CancellationToken.None);
        var head = await store.GetAuditHeadAsync(CancellationToken.None);
        var verification = await new AuditVerifier(new AuditCheckpointSigner(keys.AuditKey)).VerifyAsync(store, CancellationToken.None);

        Assert.True(verification.IsValid, verification.Message);
        Assert.True(head.Sequence >= lastReported, $"committed batch {lastReported} was reported but the log ends at {head.Sequence}");
        for (var batch = 1; batch <= head.Sequence + 1; batch++)
        {
            var subjectId = "sub_batch_" + batch;
            var events = await store.CountEventsAsync(subjectId, CancellationToken.None);
            var subject = await store.GetSubjectAsync(subjectId, CancellationToken.None);
            var key = await store.GetSubjectKeyAsync(subjectId, CancellationToken.None);
            if (batch <= head.Sequence)
            {
                Assert.Equal(EventsPerBatch, events);
                Assert.NotNull(subject);
                Assert.NotNull(key);
            }
            else
            {
                Assert.Equal(0, events);
                Assert.Null(subject);
                Assert.Null(key);
            }
        }

        var entries = await store.ReadAuditAsync(1, int.MaxValue, CancellationToken.None);
        Assert.All(entries, e => Assert.Equal("sub_batch_" + e.Sequence, e.SubjectId));
    }

    private async Task<int> RunAndKillWriterAsync(string masterKey, int reportedBatches)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Custodian.CrashWriter.dll"));
        start.ArgumentList.Add(_directory.Path);
        start.ArgumentList.Add(EventsPerBatch.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment[MasterKeyProvider.EnvironmentVariable] = masterKey;

        using var process = Process.Start(start)!;
        var last = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (last < reportedBatches)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("The writer exited early: " + await process.StandardError.ReadToEndAsync(timeout.Token));
                last = int.Parse(line["committed ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }

            // Let the writer get into the middle of its next batches before the kill.
            await Task.Delay(Random.Shared.Next(5, 40), timeout.Token);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return last;
    }
}
