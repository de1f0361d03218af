using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;
using Custodian.Vault;
using Microsoft.Data.Sqlite;

namespace Custodian.Benchmarks;

/// <summary>
/// Batches of values written for one person: through <see cref="DataVault.AppendEventsAsync"/> and
/// <see cref="DataVault.CollectAsync"/> (decide, seal, store, audit, one transaction per batch), through the store
/// with a <see cref="RecordSealer"/> (seal, store, audit), and — the baseline — plain SQLite inserts of the same rows
/// unencrypted into same-shaped tables, one prepared command and one transaction per batch. Times are per batch.
/// Records go to the next person of a pool each batch, as collection does (a person's profile is collected once
/// and then changes now and then); readings all go to one person, as a device's do.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class WriteBenchmarks
{
    private const string Reading = "{\"temperature\":21.5,\"humidity\":40}";
    private const int People = 2048;
    private static readonly string[] RecordCategories = ["user.name", "user.contact.email", "user.contact.phone_number", "user.device.isocket"];

    private BenchVault _vault = null!;
    private PlainSqlite _plain = null!;
    private string _subject = "";
    private string[] _people = [];
    private int _nextPerson;
    private EventInput[] _readings = [];
    private CollectValue[] _values = [];
    private byte[] _payload = [];
    private DateTimeOffset _next = DateTimeOffset.UtcNow;

    [Params(100, 1000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _vault = await BenchVault.CreateAsync();
        _subject = await _vault.CreateCustomerAsync(0);
        _plain = new PlainSqlite();
        _plain.Execute("INSERT INTO subjects (id, created_at) VALUES ($p0, $p1)", _subject, DateTimeOffset.UtcNow.UtcTicks);
        var at = DateTimeOffset.UtcNow;
        _readings = [.. Enumerable.Range(0, BatchSize).Select(i => new EventInput(BenchVault.SensorCategory, at.AddSeconds(i), Reading, "dev-1"))];
        _values = [.. Enumerable.Range(0, BatchSize).Select(i => new CollectValue(RecordCategories[i % RecordCategories.Length], "value number " + i))];
        _payload = Encoding.UTF8.GetBytes(Reading);
        var result = await _vault.Vault.AppendEventsAsync(_subject, BenchVault.Purpose, _readings, "bench", CancellationToken.None);
        if (result.Stored != BatchSize) throw new InvalidOperationException("the vault dropped readings the benchmark expects it to store");
        _people = new string[People];
        for (var i = 0; i < People; i++)
        {
            _people[i] = await _vault.CreateCustomerAsync(i + 1);
            _plain.Execute("INSERT INTO subjects (id, created_at) VALUES ($p0, $p1)", _people[i], DateTimeOffset.UtcNow.UtcTicks);
        }
    }

    // The next person of the pool, round robin; the plain baseline writes for the same sequence of people.
    private string NextPerson() => _people[_nextPerson++ % People];

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _plain.Dispose();
        await _vault.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "plain SQLite insert (unencrypted, no audit)")]
    [BenchmarkCategory("events")]
    public void PlainEvents()
    {
        using var transaction = _plain.Connection.BeginTransaction();
        using var command = _plain.Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO events (id, subject_id, key_owner_id, category, at, device_id, value) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)";
        var p = new SqliteParameter[7];
        for (var i = 0; i < p.Length; i++) p[i] = command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        command.Prepare();
        foreach (var reading in NextReadings())
        {
            p[0].Value = Ids.NewEventId();
            p[1].Value = _subject;
            p[2].Value = _subject;
            p[3].Value = reading.CategoryKey;
            p[4].Value = reading.At.UtcTicks;
            p[5].Value = reading.DeviceId;
            p[6].Value = _payload;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [Benchmark(Description = "store + RecordSealer + audit entry")]
    [BenchmarkCategory("events")]
    public async Task StoreEvents()
    {
        var wrapped = await _vault.Store.GetSubjectKeyAsync(_subject, CancellationToken.None) ?? throw new InvalidOperationException("no key");
        using var sealer = _vault.Keys.OpenSubjectKey(_subject, wrapped.KeyId, wrapped.Wrapped);
        var events = new List<StoredEvent>(_readings.Length);
        foreach (var reading in NextReadings())
        {
            var id = Ids.NewEventId();
            events.Add(new StoredEvent(id, _subject, reading.CategoryKey, reading.At, reading.DeviceId, sealer.Seal(reading.Value, new SealBinding(_subject, reading.CategoryKey, id))));
        }

        await using var tx = await _vault.Store.BeginAsync(CancellationToken.None);
        await tx.AppendEventsAsync(events, CancellationToken.None);
        await tx.AppendAuditAsync(new AuditEntry(DateTimeOffset.UtcNow, "bench", "events.append") { SubjectId = _subject, Purpose = BenchVault.Purpose, Count = events.Count }, CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }

    [Benchmark(Description = "DataVault.AppendEventsAsync")]
    [BenchmarkCategory("events")]
    public Task<EventBatchResult> VaultEvents() =>
        _vault.Vault.AppendEventsAsync(_subject, BenchVault.Purpose, NextReadings(), "bench", CancellationToken.None);

    // Readings carry ever later times, as a device's do; the same batch written again and again would pile equal
    // (subject, at) keys into the events index and measure that instead.
    private EventInput[] NextReadings()
    {
        for (var i = 0; i < _readings.Length; i++)
        {
            _next = _next.AddTicks(10);
            _readings[i] = _readings[i] with { At = _next };
        }

        return _readings;
    }

    [Benchmark(Baseline = true, Description = "plain SQLite insert (unencrypted, no audit)")]
    [BenchmarkCategory("records")]
    public void PlainRecords()
    {
        using var transaction = _plain.Connection.BeginTransaction();
        using var command = _plain.Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO records (id, subject_id, key_owner_id, category, source, purpose, collected_at, expires_at, key_kind, version, value, erased_at) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)";
        var p = new SqliteParameter[12];
        for (var i = 0; i < p.Length; i++) p[i] = command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        command.Prepare();
        var now = DateTimeOffset.UtcNow.UtcTicks;

        // The vault's records carry the expiry their retention rule gives them, so the same rows here carry one too.
        var expires = DateTimeOffset.UtcNow.AddYears(2).UtcTicks;
        var person = NextPerson();
        foreach (var value in _values)
        {
            p[0].Value = Ids.NewRecordId();
            p[1].Value = person;
            p[2].Value = person;
            p[3].Value = value.CategoryKey;
            p[4].Value = (int)value.Source;
            p[5].Value = BenchVault.Purpose;
            p[6].Value = now;
            p[7].Value = expires;
            p[8].Value = 0;
            p[9].Value = 1;
            p[10].Value = Encoding.UTF8.GetBytes(value.Value);
            p[11].Value = DBNull.Value;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [Benchmark(Description = "DataVault.CollectAsync")]
    [BenchmarkCategory("records")]
    public Task<CollectResult> VaultRecords() =>
        _vault.Vault.CollectAsync(NextPerson(), BenchVault.Purpose, _values, "bench", CancellationToken.None);
}
