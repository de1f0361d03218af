using System.Diagnostics;
using System.Globalization;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Requests;
using Custodian.Sqlite;
using Custodian.Storage;
using Custodian.Vault;

// Usage: Custodian.Requests.Bench all [events]        seeds a temp store, then runs every phase in its own process
//        Custodian.Requests.Bench PHASE DIR [events]   phase: seed, baseline, json, html, zip, erase
// Each phase runs in a fresh process so Process.PeakWorkingSet64 is that phase's own peak.
var phase = args.Length > 0 ? args[0] : "all";
var culture = CultureInfo.InvariantCulture;
if (phase == "all")
{
    var count = args.Length > 1 ? args[1] : "1000000";
    var directory = Path.Combine(Path.GetTempPath(), "custodian-requests-bench", Guid.NewGuid().ToString("N"));
    try
    {
        foreach (var step in new[] { "seed", "baseline", "json", "html", "zip", "erase" })
        {
            var info = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") info.ArgumentList.Add(typeof(Bench).Assembly.Location);
            info.ArgumentList.Add(step);
            info.ArgumentList.Add(directory);
            info.ArgumentList.Add(count);
            using var child = Process.Start(info)!;
            await child.WaitForExitAsync();
            if (child.ExitCode != 0) return child.ExitCode;
        }
    }
    finally
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    return 0;
}

var data = args[1];
var events = args.Length > 2 ? int.Parse(args[2], culture) : 1_000_000;
return await Bench.RunAsync(phase, data, events);

/// <summary>The phases; one person (<c>sub</c> in <c>subject.txt</c>) with <c>events</c> telemetry readings from one device.</summary>
internal static class Bench
{
    private const int Batch = 10_000;
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string phase, string data, int events)
    {
        var policy = PolicyCompiler.CompileFile(Path.Combine(RepositoryRoot(), "examples", "crsmarthome", "policy.yaml"));
        var keys = new KeyRing(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
        var clock = new Custodian.Scenarios.VirtualClock(Start.AddYears(1));
        await using var open = await SqliteVaultFactory.OpenAsync(data, keys, policy, clock, null, CancellationToken.None);
        var vault = open.Vault;
        var subjectFile = Path.Combine(data, "subject.txt");
        if (phase == "seed")
        {
            var watch = Stopwatch.StartNew();
            var subject = await vault.CreateSubjectAsync(new NewSubject("bench@example.com", null, null, null), "bench", CancellationToken.None);
            await vault.RecordRelationshipAsync(subject, "account", "opened", "bench", CancellationToken.None);
            await vault.CollectAsync(subject, "essential.service", [new CollectValue("user.name", "Bench Person"), new CollectValue("user.contact.email", "bench@example.com")], "bench", CancellationToken.None);
            for (var written = 0; written < events; written += Batch)
            {
                var batch = Enumerable.Range(written, Math.Min(Batch, events - written))
                    .Select(i => new EventInput("user.telemetry", Start.AddSeconds(i), "{\"temperature\":21.5,\"humidity\":40,\"rssi\":-61}", "CRSH-PLUG-0001"))
                    .ToList();
                await vault.AppendEventsAsync(subject, "essential.service", batch, "bench", CancellationToken.None);
                if ((written / Batch) % 10 == 9) Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {written + batch.Count:N0} readings"));
            }

            await File.WriteAllTextAsync(subjectFile, subject);
            Report("seed", $"{events:N0} sealed readings written in {watch.Elapsed.TotalSeconds:F1} s");
            return 0;
        }

        var id = await File.ReadAllTextAsync(subjectFile);
        using var sampler = new HeapSampler();
        var timer = Stopwatch.StartNew();
        long rows;
        switch (phase)
        {
            case "baseline":
                // The same store stream the exports read, every sealed value written out as it is: no decryption, no format.
                var copier = new SealedCopier();
                var cursor = new EventCursor();
                while (await vault.Store.VisitEventsAsync(id, cursor, DataVault.ExportPageSize, copier, CancellationToken.None) == DataVault.ExportPageSize)
                {
                }

                rows = copier.Rows;
                break;
            case "json":
                rows = await AccessPackageWriter.WriteAsync(vault, id, "en", Stream.Null, "bench", CancellationToken.None);
                break;
            case "html":
                rows = await AccessReportWriter.WriteAsync(vault, id, "en", Stream.Null, "bench", CancellationToken.None);
                break;
            case "zip":
                rows = await PortabilityPackageWriter.WriteAsync(vault, id, Stream.Null, "bench", CancellationToken.None);
                break;
            case "erase":
                // Warm up (JIT, prepared statements) on a throwaway person, as in a running server, then time the real shred.
                var warm = await vault.CreateSubjectAsync(new NewSubject(null, null, null, null), "bench", CancellationToken.None);
                await vault.EraseSubjectAsync(warm, "en", "erasure_request", "bench", CancellationToken.None);
                var shred = Stopwatch.StartNew();
                await using (var tx = await vault.Store.BeginAsync(CancellationToken.None))
                {
                    // The same transaction EraseSubjectAsync commits for a person with nothing kept under a legal duty.
                    var destroyed = await tx.ShredSubjectAsync(id, clock.GetUtcNow(), CancellationToken.None);
                    await tx.AppendAuditAsync(new AuditEntry(clock.GetUtcNow(), "bench", "subject.erase") { SubjectId = id, ReasonCodes = ["erasure_request"], Count = destroyed }, CancellationToken.None);
                    await tx.AppendAuditAsync(new AuditEntry(clock.GetUtcNow(), AuditEntry.SystemActor, "key.shred") { SubjectId = id, Count = destroyed }, CancellationToken.None);
                    await tx.CommitAsync(CancellationToken.None);
                }

                shred.Stop();
                Report("erase", $"crypto-shred transaction {shred.Elapsed.TotalMilliseconds:F2} ms");
                timer.Restart();
                rows = await vault.PurgeErasedAsync(new Progress<long>(n => { if (n % 200_000 < DataVault.PurgeBatchSize) Console.Error.WriteLine($"  purged {n:N0} rows"); }), CancellationToken.None);
                break;
            default:
                Console.Error.WriteLine($"unknown phase '{phase}'; use all, seed, baseline, json, html, zip or erase");
                return 2;
        }

        timer.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var rate = rows / timer.Elapsed.TotalSeconds;
        Report(phase, $"{rows:N0} rows in {timer.Elapsed.TotalSeconds:F2} s ({rate:N0} rows/s); peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB; peak GC heap {sampler.Peak / 1048576.0:F1} MB; allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MB");
        return 0;
    }

    private static void Report(string phase, FormattableString text) => Console.WriteLine($"{phase,-9} {text.ToString(CultureInfo.InvariantCulture)}");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Custodian.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}

/// <summary>Samples the GC heap size every 5 ms and keeps the largest value seen.</summary>
internal sealed class HeapSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public HeapSampler() => _timer = new Timer(_ => Sample(), null, 0, 5);

    public long Peak
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var size = GC.GetTotalMemory(false);
        long seen;
        while (size > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, size, seen) != seen)
        {
        }
    }
}

/// <summary>The baseline's visitor: copies each sealed value to <see cref="Stream.Null"/> undecrypted.</summary>
internal sealed class SealedCopier : ISealedEventVisitor
{
    public long Rows { get; private set; }

    public bool VisitEvent(in SealedEventRow row)
    {
        Stream.Null.Write(row.Sealed);
        Rows++;
        return true;
    }
}
