using System.Globalization;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.GdprBench;
using Custodian.Policy;
using Custodian.Postgres;
using Custodian.Postgres.Tests;
using Custodian.Scenarios;
using Custodian.Sqlite;
using Custodian.Vault;

// Usage: Custodian.GdprBench [records] [operations per workload] [sqlite,postgres,baseline] [normal|full]
// Runs GDPRbench's controller, customer, processor and regulator workloads against Custodian on SQLite, Custodian on
// PostgreSQL and a compliant plain PostgreSQL baseline, with the same records, operations and correctness checks.
// PostgreSQL: CUSTODIAN_POSTGRES if set, else a throwaway cluster from PG_BIN (default /usr/lib/postgresql/15/bin).
// Durability, the same for every system: "normal" (the default) lets a power loss take the last moments of commits but
// never corrupts (SQLite synchronous=NORMAL in WAL mode; PostgreSQL with fsync and full-page writes, synchronous_commit
// off); "full" makes every commit survive a power loss (synchronous=FULL; synchronous_commit on), an fsync per commit.
// A server named by CUSTODIAN_POSTGRES keeps its own settings.
var recordCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var operations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var only = args.Length > 2 ? args[2].Split(',') : ["sqlite", "postgres", "baseline"];
var durability = args.Length > 3 ? args[3] switch
{
    "normal" => SqliteDurability.Normal,
    "full" => SqliteDurability.Full,
    _ => throw new ArgumentException($"Durability '{args[3]}' is neither 'normal' nor 'full'."),
} : SqliteDurability.Normal;
var ct = CancellationToken.None;
var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
var policy = PolicyCompiler.CompileFile(Path.Combine(AppContext.BaseDirectory, "gdprbench-policy.yaml"));
var records = BenchRunner.Records(recordCount, now);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GDPRbench: {recordCount:N0} records, {operations:N0} operations per workload, {durability.ToString().ToLowerInvariant()} durability, {Environment.ProcessorCount} cores"));

ThrowawayCluster? cluster = null;
var connectionString = Environment.GetEnvironmentVariable("CUSTODIAN_POSTGRES");
if (string.IsNullOrEmpty(connectionString))
{
    // A quarter of a small server's memory for the buffer cache, as a production setup would give it; the default
    // (128 MB) holds neither system's 100,000 records, and both run on this one cluster. PostgreSQL's own crash safety
    // (fsync, full-page writes) is kept, as in production; at normal durability a commit does not wait for its flush,
    // which is what SQLite's synchronous=NORMAL gives up too.
    string[] settings = durability == SqliteDurability.Full ? ["shared_buffers=1GB"] : ["shared_buffers=1GB", "synchronous_commit=off"];
    cluster = await ThrowawayCluster.StartAsync(Environment.GetEnvironmentVariable("PG_BIN") ?? "/usr/lib/postgresql/15/bin", durable: true, settings, ct);
    connectionString = cluster.ConnectionString;
}

var directory = Path.Combine(Path.GetTempPath(), "custodian-gdprbench", Guid.NewGuid().ToString("N"));
var all = new List<BenchResult>();
try
{
    var masterKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    var clock = new VirtualClock(now);
    if (only.Contains("sqlite"))
    {
        var keys = new KeyRing(masterKey);
        var store = await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = directory, CheckpointSigner = new AuditCheckpointSigner(keys.AuditKey), Durability = durability }, ct);
        var sqlite = new SqliteVaultFactory.OpenVault(new DataVault(store, keys, policy, clock), store, keys, null);
        await using var system = new CustodianSystem("Custodian embedded (SQLite)", sqlite.Vault, sqlite.Keys, sqlite);
        all.AddRange((await BenchRunner.RunAsync(system, records, now, operations, ct)).Results);
    }

    if (only.Contains("postgres"))
    {
        var schema = "gdprbench_" + Guid.NewGuid().ToString("N")[..8];
        var postgres = await PostgresVaultFactory.OpenAsync(connectionString, schema, new KeyRing(masterKey), policy, new VirtualClock(now), null, ct);
        // The loaded tables are vacuumed and analysed after the bulk load, as the baseline's is: autovacuum would do both
        // later, mid-workload. Only those: statistics taken of a still-empty ledger would tell the planner it stays
        // empty, and plans kept by the sessions would scan it whole as the workloads fill it.
        await using (var system = new CustodianSystem("Custodian on PostgreSQL", postgres.Vault, postgres.Keys, postgres, async token =>
        {
            await using var source = Npgsql.NpgsqlDataSource.Create(connectionString);
            await PostgresSettle.AfterLoadAsync(source, string.Join(", ", LoadedTables.Select(t => $"{schema}.{t}")), token);
        }))
        {
            all.AddRange((await BenchRunner.RunAsync(system, records, now, operations, ct)).Results);
        }

        // The baseline runs next on the same cluster: what Custodian's workloads left for autovacuum and the next
        // checkpoint (tens of thousands of audit entries, updated versions) must not be cleaned up in its time.
        await using var cleanup = Npgsql.NpgsqlDataSource.Create(connectionString);
        await PostgresSettle.AfterRunAsync(cleanup, schema, ct);
    }

    if (only.Contains("baseline"))
    {
        await using var system = await BaselinePostgresSystem.OpenAsync(connectionString, now, ct);
        all.AddRange((await BenchRunner.RunAsync(system, records, now, operations, ct)).Results);
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    if (cluster is not null) await cluster.StopAsync(wait: true);
}

ResultTable.Print(all);
return all.Any(r => r.Violations > 0) ? 1 : 0;

/// <summary>The tables of Custodian's PostgreSQL store that the initial load fills.</summary>
internal static partial class Program
{
    private static readonly string[] LoadedTables = ["subjects", "subject_keys", "records", "subject_state_versions", "audit_entries"];
}
