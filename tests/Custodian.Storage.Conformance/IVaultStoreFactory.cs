using Custodian.Audit;
using Custodian.Storage;

namespace Custodian.Storage.Conformance;

/// <summary>Creates fresh, empty stores for the conformance suite and cleans them up afterwards.</summary>
public interface IVaultStoreFactory : IAsyncDisposable
{
    /// <summary>Creates a new empty store.</summary>
    Task<IVaultStore> CreateAsync(AuditCheckpointSigner signer, int checkpointInterval, CancellationToken cancellationToken);
}
