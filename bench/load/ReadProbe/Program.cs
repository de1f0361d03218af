using System.Diagnostics;
using Custodian.Policy;
using Custodian.Sqlite;
using Custodian.Vault;
var dir = Directory.CreateTempSubdirectory("custodian-readprobe-").FullName;
// Usage: dotnet run -c Release --project bench/load/ReadProbe -- examples/cekura/policy.yaml
var policy = PolicyCompiler.CompileFile(args.Length > 0 ? args[0] : "examples/cekura/policy.yaml");
await using var open = await SqliteVaultFactory.OpenAsync(dir, policy, TimeProvider.System, default);
var v = open.Vault;
var id = await v.CreateSubjectAsync(new NewSubject("karen.holm@example.dk", null, null, null), "a", default);
await v.RecordRelationshipAsync(id, "subscription", "opened", "a", default);
await v.CollectAsync(id, "essential.service", [new("user.name", "Karen Holm"), new("user.contact.address", "Amagerbrogade 12, 2300 København S"), new("user.contact.phone_number", "+4520304050"), new("user.contact.email", "karen.holm@example.dk"), new("user.account.customer_number", "C-100200")], "a", default);
for (var i = 0; i < 500; i++) await v.ReadAsync(id, "essential.service", null, null, "a", default);
foreach (var (label, n, par) in new[] { ("read, sequential", 10000, 1), ("read, 32 concurrent", 20000, 32) })
{
    var sw = Stopwatch.StartNew();
    var per = n / par;
    await Task.WhenAll(Enumerable.Range(0, par).Select(_ => Task.Run(async () => { for (var i = 0; i < per; i++) await v.ReadAsync(id, "essential.service", null, null, "a", default); })));
    Console.WriteLine($"{label}: {n / sw.Elapsed.TotalSeconds:F0}/s ({sw.Elapsed.TotalMilliseconds * 1000 / n:F0} µs each)");
}
var s2 = Stopwatch.StartNew();
for (var i = 0; i < 10000; i++) await v.LoadFactsAsync(id, default);
Console.WriteLine($"load facts only (no audit): {10000 / s2.Elapsed.TotalSeconds:F0}/s");
var s3 = Stopwatch.StartNew();
for (var i = 0; i < 10000; i++) await v.RecordCallAsync("a", "policy.read", default);
Console.WriteLine($"audit append only: {10000 / s3.Elapsed.TotalSeconds:F0}/s");
