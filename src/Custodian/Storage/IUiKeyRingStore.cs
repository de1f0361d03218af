namespace Custodian.Storage;

/// <summary>The server's session key ring, kept in the store so every server on it reads the others' cookies.</summary>
public interface IUiKeyRingStore
{
    /// <summary>Every element, oldest first.</summary>
    Task<IReadOnlyList<StoredUiKeyElement>> GetUiKeyElementsAsync(CancellationToken cancellationToken);
}

/// <summary>Session key ring writes.</summary>
public interface IUiKeyRingTransaction
{
    /// <summary>Adds an element; elements are never changed, only added.</summary>
    /// <exception cref="VaultStoreException"><c>STORE002</c> when the name is taken.</exception>
    Task AddUiKeyElementAsync(StoredUiKeyElement element, CancellationToken cancellationToken);
}
