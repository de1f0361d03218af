using Custodian.Audit;
using Custodian.Storage;
using Custodian.Storage.Conformance;

namespace Custodian.Postgres.Tests;

/// <summary>Creates each conformance store in a schema of its own on the test database and drops the schema afterwards.</summary>
public sealed class PostgresStoreFactory : IVaultStoreFactory
{
    private readonly SchemaFixture _schema = new("conformance");

    public async Task<IVaultStore> CreateAsync(AuditCheckpointSigner signer, int checkpointInterval, CancellationToken cancellationToken) =>
        await _schema.OpenAsync(checkpointInterval, signer: signer);

    public ValueTask DisposeAsync() => _schema.DisposeAsync();
}
