using Custodian.Audit;
using Custodian.Storage;
using Custodian.Storage.Conformance;
using Npgsql;

namespace Custodian.Postgres.Tests;

/// <summary>Creates each conformance store in a schema of its own on the test database and drops the schema afterwards.</summary>
public sealed class PostgresStoreFactory : IVaultStoreFactory
{
    private string? _connectionString;

    public string Schema { get; } = TestDatabase.NewSchema("conformance");

    public async Task<IVaultStore> CreateAsync(AuditCheckpointSigner signer, int checkpointInterval, CancellationToken cancellationToken)
    {
        _connectionString = await TestDatabase.GetConnectionStringAsync(cancellationToken);
        return await PostgresVaultStore.OpenAsync(
            new PostgresVaultStoreOptions { ConnectionString = _connectionString, Schema = Schema, CheckpointSigner = signer, CheckpointInterval = checkpointInterval },
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
