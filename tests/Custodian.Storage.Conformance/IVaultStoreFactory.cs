using Custodian.Audit;
using Custodian.Storage;

namespace Custodian.Storage.Conformance;

/// <summary>Creates fresh, empty stores for the conformance suite and cleans them up afterwards.</summary>
public interface IVaultStoreFactory : IAsyncDisposable
{
    /// <summary>
    /// Creates a new empty store on the first call; later calls open another store on the same database, as a second
    /// server on it would.
    /// </summary>
    Task<IVaultStore> CreateAsync(AuditCheckpointSigner signer, int checkpointInterval, CancellationToken cancellationToken);
}
