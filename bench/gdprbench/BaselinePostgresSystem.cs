using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Custodian.GdprBench;

/// <summary>
/// Plain PostgreSQL made compliant the way GDPRbench's authors did: the ten fields in one column encrypted in the
/// client (AES-256-GCM), metadata columns (purposes, objections, TTL, user, sharing, source, category, decisions)
/// with indexes on purpose, user and TTL, reads filtered on objection and TTL, and one log row written with every
/// operation in the same round trip and transaction.
/// </summary>
internal sealed class BaselinePostgresSystem : IGdprSystem
{
    private const string Schema = """
        DROP TABLE IF EXISTS usertable, gdpr_log;
        CREATE TABLE usertable (
            key bigint PRIMARY KEY, data bytea NOT NULL, purposes text[] NOT NULL, objections text[] NOT NULL DEFAULT '{}',
            ttl timestamptz NOT NULL, user_key bigint NOT NULL, shared_with text[] NOT NULL DEFAULT '{}',
            source text NOT NULL, category text NOT NULL, automated_decisions boolean NOT NULL DEFAULT false);
        CREATE INDEX usertable_purposes ON usertable USING gin (purposes);
        CREATE INDEX usertable_user ON usertable (user_key);
        CREATE INDEX usertable_ttl ON usertable (ttl);
        CREATE TABLE gdpr_log (id bigserial PRIMARY KEY, at timestamptz NOT NULL, user_key bigint, operation text NOT NULL, purpose text);
        """;

    private static readonly string[] LegitimateInterest = BenchPurposes.All[..BenchPurposes.ConsentIndex];
    private readonly NpgsqlDataSource _source;
    private readonly AesGcm _aes;
    private readonly DateTimeOffset _now;

    private BaselinePostgresSystem(NpgsqlDataSource source, DateTimeOffset now)
    {
        _source = source;
        _now = now;
        _aes = new AesGcm(RandomNumberGenerator.GetBytes(32), 16);
    }

    public string Name => "PostgreSQL baseline";

    /// <summary>Connects and creates the tables afresh.</summary>
    public static async Task<BaselinePostgresSystem> OpenAsync(string connectionString, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var system = new BaselinePostgresSystem(NpgsqlDataSource.Create(connectionString), now);
        await using var command = system._source.CreateCommand(Schema);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return system;
    }

    public async Task LoadAsync(IReadOnlyList<BenchRecord> records, CancellationToken cancellationToken)
    {
        await using (var connection = await _source.OpenConnectionAsync(cancellationToken))
        await using (var writer = await connection.BeginBinaryImportAsync("COPY usertable (key, data, purposes, ttl, user_key, source, category) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var record in records)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync((long)record.Key, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(Encrypt(record.Data), NpgsqlDbType.Bytea, cancellationToken);
                await writer.WriteAsync(LegitimateInterest, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(record.ExpiresAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync((long)record.Key, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync("provided", NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(BenchPurposes.Category, NpgsqlDbType.Text, cancellationToken);
                if ((record.Key + 1) % 10_000 == 0) Progress.Report(Name, "load", record.Key + 1, records.Count);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await PostgresSettle.AfterLoadAsync(_source, "usertable, gdpr_log", cancellationToken);
    }

    public Task InsertAsync(BenchRecord record, CancellationToken cancellationToken) => WithLogAsync(
        "INSERT INTO usertable (key, data, purposes, ttl, user_key, source, category) VALUES ($1, $2, $3, $4, $1, 'provided', $5)",
        [record.Key, Encrypt(record.Data), BenchPurposes.All, record.ExpiresAt, BenchPurposes.Category], record.Key, "insert", record.Purpose, cancellationToken);

    public async Task<bool> ReadAsync(int key, int purpose, CancellationToken cancellationToken)
    {
        var found = false;
        await WithLogAsync(
            "SELECT data FROM usertable WHERE key = $1 AND $2 = ANY(purposes) AND NOT ($2 = ANY(objections)) AND ttl > $3",
            [(long)key, BenchPurposes.All[purpose], _now], key, "read", BenchPurposes.All[purpose], cancellationToken,
            async reader =>
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    Decrypt((byte[])reader[0]);
                    found = true;
                }
            });
        return found;
    }

    public Task ReadMetadataAsync(int key, CancellationToken cancellationToken) => WithLogAsync(
        "SELECT purposes, objections, ttl, shared_with, source, category, automated_decisions FROM usertable WHERE key = $1",
        [(long)key], key, "read-metadata", null, cancellationToken, async reader => { while (await reader.ReadAsync(cancellationToken)) { } });

    public Task UpdateDataAsync(int key, string data, CancellationToken cancellationToken) => WithLogAsync(
        "UPDATE usertable SET data = $2 WHERE key = $1 AND ttl > $3", [(long)key, Encrypt(data), _now], key, "update", null, cancellationToken);

    public Task SetObjectionAsync(int key, int purpose, bool objected, CancellationToken cancellationToken) => WithLogAsync(
        objected ? "UPDATE usertable SET objections = array_append(objections, $2) WHERE key = $1" : "UPDATE usertable SET objections = array_remove(objections, $2) WHERE key = $1",
        [(long)key, BenchPurposes.All[purpose]], key, objected ? "object" : "lift-objection", BenchPurposes.All[purpose], cancellationToken);

    public Task SetConsentAsync(int key, bool given, CancellationToken cancellationToken) => WithLogAsync(
        given ? "UPDATE usertable SET purposes = array_append(purposes, $2) WHERE key = $1" : "UPDATE usertable SET purposes = array_remove(purposes, $2) WHERE key = $1",
        [(long)key, BenchPurposes.All[BenchPurposes.ConsentIndex]], key, given ? "consent" : "withdraw", BenchPurposes.All[BenchPurposes.ConsentIndex], cancellationToken);

    public Task DeleteAsync(int key, CancellationToken cancellationToken) => WithLogAsync(
        "DELETE FROM usertable WHERE user_key = $1", [(long)key], key, "delete", null, cancellationToken);

    public async Task<int> ReadLogsAsync(int count, CancellationToken cancellationToken)
    {
        var rows = 0;
        await WithLogAsync("SELECT id, at, user_key, operation, purpose FROM gdpr_log ORDER BY id DESC LIMIT $1", [count], null, "read-logs", null, cancellationToken,
            async reader => { while (await reader.ReadAsync(cancellationToken)) rows++; });
        return rows;
    }

    public async Task<long> CountExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        long count = 0;
        await WithLogAsync("SELECT count(*) FROM usertable WHERE ttl <= $1", [now], null, "verify-ttl", null, cancellationToken,
            async reader => { if (await reader.ReadAsync(cancellationToken)) count = reader.GetInt64(0); });
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        _aes.Dispose();
        await _source.DisposeAsync();
    }

    private async Task WithLogAsync(string sql, object[] parameters, long? key, string operation, string? purpose, CancellationToken cancellationToken, Func<NpgsqlDataReader, Task>? read = null)
    {
        await using var batch = _source.CreateBatch();
        var statement = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters) statement.Parameters.Add(new NpgsqlParameter { Value = parameter });
        batch.BatchCommands.Add(statement);
        var log = new NpgsqlBatchCommand("INSERT INTO gdpr_log (at, user_key, operation, purpose) VALUES ($1, $2, $3, $4)");
        log.Parameters.Add(new NpgsqlParameter { Value = _now });
        log.Parameters.Add(new NpgsqlParameter { Value = key is { } k ? k : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        log.Parameters.Add(new NpgsqlParameter { Value = operation });
        log.Parameters.Add(new NpgsqlParameter { Value = purpose is null ? DBNull.Value : purpose, NpgsqlDbType = NpgsqlDbType.Text });
        batch.BatchCommands.Add(log);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (read is not null) await read(reader);
    }

    private byte[] Encrypt(string data)
    {
        var plain = Encoding.UTF8.GetBytes(data);
        var output = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        _aes.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }

    private string Decrypt(byte[] sealedData)
    {
        var plain = new byte[sealedData.Length - 28];
        _aes.Decrypt(sealedData.AsSpan(0, 12), sealedData.AsSpan(28), sealedData.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
