using Custodian.Audit;
using Custodian.Storage.Conformance;
using Npgsql;

namespace Custodian.Postgres.Tests;

/// <summary>A schema of its own for one test class instance: opens stores on it and drops it afterwards.</summary>
public sealed class SchemaFixture(string prefix) : IAsyncDisposable
{
    private string? _connectionString;

    public string Schema { get; } = TestDatabase.NewSchema(prefix);

    /// <summary>The test database's connection string; the schema is dropped on dispose from then on.</summary>
    public async Task<string> ConnectionStringAsync() =>
        _connectionString ??= await TestDatabase.GetConnectionStringAsync(CancellationToken.None);

    public async Task<PostgresVaultStore> OpenAsync(int checkpointInterval = 1000, string? schema = null, AuditCheckpointSigner? signer = null)
    {
        _connectionString ??= await TestDatabase.GetConnectionStringAsync(CancellationToken.None);
        return await PostgresVaultStore.OpenAsync(
            new PostgresVaultStoreOptions { ConnectionString = _connectionString, Schema = schema ?? Schema, CheckpointSigner = signer ?? TestData.Signer, CheckpointInterval = checkpointInterval },
            CancellationToken.None);
    }

    /// <summary>
    /// Runs SQL in the schema, as an operator (or an attacker with database access) would. Unpooled: a pool per schema
    /// would keep one idle server connection per test for minutes, and a suite run would exhaust <c>max_connections</c>.
    /// </summary>
    public async Task<object?> SqlAsync(string sql)
    {
        _connectionString ??= await TestDatabase.GetConnectionStringAsync(CancellationToken.None);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = Schema, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await SqlAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        }
    }
}
