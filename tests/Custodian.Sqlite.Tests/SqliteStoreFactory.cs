using Custodian.Audit;
using Custodian.Storage;
using Custodian.Storage.Conformance;

namespace Custodian.Sqlite.Tests;

/// <summary>Creates each conformance store as a real <c>custodian.db</c> in its own temp directory.</summary>
public sealed class SqliteStoreFactory : IVaultStoreFactory
{
    private readonly TemporaryDirectory _directory = new();

    public string DataDirectory => _directory.Path;

    public async Task<IVaultStore> CreateAsync(AuditCheckpointSigner signer, int checkpointInterval, CancellationToken cancellationToken) =>
        await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = _directory.Path, CheckpointSigner = signer, CheckpointInterval = checkpointInterval }, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
