using System.Diagnostics;
using System.Globalization;
using System.Text;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Sqlite;
using Custodian.Storage;

// Usage: Custodian.Vault.Bench [events] [audit entries]
//        Custodian.Vault.Bench retention [people]
// Prints sealed event writes per second and audit entries verified per second on a fresh temp store; with
// 'retention', the retention sweep's rates (see RetentionSweepBench).
if (args.Length > 0 && args[0] == "retention")
{
    var people = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var sweepDirectory = Path.Combine(Path.GetTempPath(), "custodian-bench", Guid.NewGuid().ToString("N"));
    using var sweepKeys = new KeyRing(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    try
    {
        await RetentionSweepBench.RunAsync(people, sweepKeys, sweepDirectory);
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(sweepDirectory, recursive: true);
    }

    return;
}

var eventCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
var auditCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
const int BatchSize = 10_000;

var directory = Path.Combine(Path.GetTempPath(), "custodian-bench", Guid.NewGuid().ToString("N"));
using var keys = new KeyRing(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
var signer = new AuditCheckpointSigner(keys.AuditKey);
try
{
    await using var store = await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = directory, CheckpointSigner = signer }, CancellationToken.None);
    const string SubjectId = "sub_bench";
    using var key = keys.CreateSubjectKey(SubjectId);
    using var sealer = key.CreateSealer();
    await using (var t = await store.BeginAsync(CancellationToken.None))
    {
        await t.CreateSubjectAsync(new StoredSubject(SubjectId, DateTimeOffset.UtcNow), CancellationToken.None);
        await t.CommitAsync(CancellationToken.None);
    }

    var payload = Encoding.UTF8.GetBytes("{\"temperature\":21.5,\"humidity\":40}");
    var start = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    for (var written = 0; written < eventCount; written += BatchSize)
    {
        var events = new List<StoredEvent>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            var id = "evt_" + (written + i).ToString(CultureInfo.InvariantCulture);
            events.Add(new StoredEvent(id, SubjectId, "user.device.reading", start.AddMilliseconds(written + i), "dev-1", sealer.Seal(payload, new SealBinding(SubjectId, "user.device.reading", id))));
        }

        await using var t = await store.BeginAsync(CancellationToken.None);
        await t.AppendEventsAsync(events, CancellationToken.None);
        await t.AppendAuditAsync(new AuditEntry(DateTimeOffset.UtcNow, AuditEntry.SystemActor, "event.write") { SubjectId = SubjectId, Count = BatchSize }, CancellationToken.None);
        await t.CommitAsync(CancellationToken.None);
    }

    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sealed event writes: {eventCount:N0} in {watch.Elapsed.TotalSeconds:F2} s = {eventCount / watch.Elapsed.TotalSeconds:N0}/s"));

    watch.Restart();
    for (var written = 0; written < auditCount; written += BatchSize)
    {
        await using var t = await store.BeginAsync(CancellationToken.None);
        for (var i = 0; i < BatchSize; i++)
        {
            await t.AppendAuditAsync(new AuditEntry(start, "key-1", "record.read") { SubjectId = SubjectId, Categories = ["user.device.reading"], Purpose = "essential.service", Count = 1 }, CancellationToken.None);
        }

        await t.CommitAsync(CancellationToken.None);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit appends: {auditCount:N0} in {watch.Elapsed.TotalSeconds:F2} s = {auditCount / watch.Elapsed.TotalSeconds:N0}/s"));
    watch.Restart();
    var counter = new CountingVisitor();
    await store.ReadAuditChainAsync(1, counter, CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit read only: {counter.Count:N0} in {watch.Elapsed.TotalSeconds:F2} s"));
    watch.Restart();
    var result = await new AuditVerifier(signer).VerifyAsync(store, CancellationToken.None);
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit verify: {result.EntriesVerified:N0} entries, {result.CheckpointsVerified:N0} checkpoints in {watch.Elapsed.TotalSeconds:F2} s = {result.EntriesVerified / watch.Elapsed.TotalSeconds:N0}/s ({result.Message})"));
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

internal sealed class CountingVisitor : IAuditChainVisitor
{
    public long Count { get; private set; }

    public bool VisitEntry(long sequence, ReadOnlySpan<byte> body, ReadOnlySpan<byte> hash)
    {
        Count++;
        return true;
    }
}
