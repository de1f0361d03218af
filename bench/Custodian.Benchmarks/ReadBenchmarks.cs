using BenchmarkDotNet.Attributes;
using Custodian.Vault;
using Microsoft.Data.Sqlite;

namespace Custodian.Benchmarks;

/// <summary>
/// Reading one person's full profile (20 records) for a purpose through <see cref="DataVault.ReadAsync"/>: state,
/// decisions, opening every value and the audit entry committed. The baseline is the floor of reading the same 20
/// rows unencrypted from a same-shaped SQLite table with one prepared command on an open connection.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReadBenchmarks
{
    private const int Records = 20;
    private static readonly string[] Categories = ["user.name", "user.contact.email", "user.contact.phone_number", "user.device.isocket", "user.account.username"];

    private BenchVault _vault = null!;
    private PlainSqlite _plain = null!;
    private SqliteConnection _reader = null!;
    private SqliteCommand _select = null!;
    private string _subject = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _vault = await BenchVault.CreateAsync();
        for (var i = 1; i <= 100; i++) await _vault.CreateCustomerAsync(i);
        _subject = await _vault.CreateCustomerAsync(0);
        var values = Enumerable.Range(0, Records).Select(i => new CollectValue(Categories[i % Categories.Length], "value number " + i)).ToList();
        var collected = await _vault.Vault.CollectAsync(_subject, BenchVault.Purpose, values, "bench", CancellationToken.None);
        if (collected.Stored.Count != Records) throw new InvalidOperationException("the vault refused values the benchmark expects it to store");
        var read = await Read();
        if (read.Values.Count != Records) throw new InvalidOperationException($"the read returned {read.Values.Count} values, not {Records}");

        _plain = new PlainSqlite();
        _plain.Execute("INSERT INTO subjects (id, created_at) VALUES ($p0, $p1)", _subject, 0L);
        foreach (var value in read.Values)
        {
            _plain.Execute(
                "INSERT INTO records (id, subject_id, key_owner_id, category, source, purpose, collected_at, expires_at, key_kind, version, value, erased_at) VALUES ($p0, $p1, $p1, $p2, 0, $p3, $p4, NULL, 0, 1, $p5, NULL)",
                value.RecordId, _subject, value.CategoryKey, BenchVault.Purpose, value.CollectedAt.UtcTicks, System.Text.Encoding.UTF8.GetBytes(value.Value));
        }

        _reader = _plain.Open();
        _select = _reader.CreateCommand();
        _select.CommandText = "SELECT id, subject_id, key_owner_id, category, source, purpose, collected_at, expires_at, key_kind, version, value, erased_at FROM records WHERE subject_id = $p0 ORDER BY collected_at, id";
        _select.Parameters.AddWithValue("$p0", _subject);
        _select.Prepare();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _select.Dispose();
        _reader.Dispose();
        _plain.Dispose();
        await _vault.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "plain SQLite select of the 20 rows")]
    public int PlainSelect()
    {
        using var reader = _select.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            _ = reader.GetString(0);
            _ = reader.GetString(3);
            _ = reader.GetInt64(6);
            _ = System.Text.Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(10));
            rows++;
        }

        return rows;
    }

    [Benchmark(Description = "DataVault.ReadAsync (20 records, audited)")]
    public Task<ReadResult> Read() =>
        _vault.Vault.ReadAsync(_subject, BenchVault.Purpose, null, null, "bench", CancellationToken.None);
}
