using System.Diagnostics;
using System.Globalization;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Sqlite;
using Custodian.Storage;
using Custodian.Vault;

/// <summary>
/// End-to-end retention sweep on a fresh SQLite store: N people with ten records each under the CEKURA policy, half of
/// them former customers whose data is due. Measures, in the same run, a bare read of every page (the floor), a dry run
/// (read and evaluate) and the real run (read, evaluate, erase in batches with audit entries).
/// </summary>
internal static class RetentionSweepBench
{
    private const int PageSize = 500;

    private static readonly (string Category, string Purpose)[] Shape =
    [
        ("user.name", "essential.service"), ("user.contact.address", "essential.service"), ("user.contact.phone_number", "essential.service"),
        ("user.contact.email", "essential.service"), ("user.account.customer_number", "essential.service"),
        ("user.content.private.recorded_call", "essential.service.operations.support"), ("user.content.private.correspondence", "essential.service.operations.support"),
        ("user.payment", "finance.bookkeeping"), ("user.behavior.purchase_history.orders", "finance.bookkeeping"),
        ("user.contact.email", "marketing.contest"),
    ];

    public static async Task RunAsync(int people, KeyRing keys, string directory)
    {
        var ct = CancellationToken.None;
        var policy = PolicyCompiler.CompileFile(Path.Combine(RepositoryRoot(), "examples", "cekura", "policy.yaml"));
        await using var store = await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = directory, CheckpointSigner = new AuditCheckpointSigner(keys.AuditKey) }, ct);
        var watch = Stopwatch.StartNew();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const int PerTransaction = 2_000;
        for (var first = 0; first < people; first += PerTransaction)
        {
            await using var t = await store.BeginAsync(ct);
            for (var s = first; s < Math.Min(people, first + PerTransaction); s++)
            {
                var id = $"sub_{s:D8}";
                var collected = start.AddMinutes(s);
                await t.CreateSubjectAsync(new StoredSubject(id, collected), ct);
                await t.WriteRecordsAsync([.. Shape.Select((x, r) => new StoredRecord($"rec_{s:D8}_{r}", id, x.Category, RecordSource.Provided, x.Purpose, collected, null, SealingKeyKind.Subject, [1, 2, 3, 4]))], ct);
                await t.AppendRelationshipEventAsync(new RelationshipEvent(id, "subscription", "opened", collected), ct);
                await t.AppendRelationshipEventAsync(new RelationshipEvent(id, "subscription", "payment_settled", collected.AddDays(3)), ct);
                await t.AppendRelationshipEventAsync(new RelationshipEvent(id, "contest", "ended", collected.AddMonths(2)), ct);
                if (s % 2 == 0) await t.AppendRelationshipEventAsync(new RelationshipEvent(id, "subscription", "ended", collected.AddMonths(14)), ct);
            }

            await t.CommitAsync(ct);
        }

        var records = (long)people * Shape.Length;
        Console.WriteLine(Line($"setup: {people:N0} people, {records:N0} records written in {watch.Elapsed.TotalSeconds:F1} s"));
        var vault = new DataVault(store, keys, policy, TimeProvider.System);
        var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        // Twice: the first pass warms the JIT and SQLite's page cache, as a long-running server's sweeps are warm.
        for (var pass = 1; pass <= 2; pass++)
        {
            watch.Restart();
            long read = 0;
            string? after = null;
            while (true)
            {
                var page = await store.ReadRetentionPageAsync(after, PageSize, ct);
                foreach (var subject in page) read += subject.Records.Count;
                if (page.Count < PageSize) break;
                after = page[^1].SubjectId;
            }

            Report($"baseline pass {pass}: read every page only", read, watch.Elapsed, null);
        }

        watch.Restart();
        var dry = await vault.RunRetentionAsync(at, true, null, ct);
        Report("dry run: read + evaluate", dry.Records, watch.Elapsed, dry.Count(Custodian.Retention.RetentionOutcome.Delete));
        watch.Restart();
        var run = await vault.RunRetentionAsync(at, false, null, ct);
        Report("run: read + evaluate + erase + audit", run.Records, watch.Elapsed, run.Count(Custodian.Retention.RetentionOutcome.Delete));
    }

    private static void Report(string what, long records, TimeSpan elapsed, long? deleted) =>
        Console.WriteLine(Line($"{what}: {records:N0} records in {elapsed.TotalSeconds:F2} s = {records / elapsed.TotalSeconds:N0} records/s") + (deleted is { } d ? Line($" ({d:N0} due)") : ""));

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Custodian.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("Run from inside the repository: Custodian.slnx was not found above " + AppContext.BaseDirectory);
    }
}
