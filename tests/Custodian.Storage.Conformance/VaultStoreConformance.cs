using Custodian.Storage;

namespace Custodian.Storage.Conformance;

/// <summary>
/// Base of every conformance test class: a fresh store per test from <typeparamref name="TFactory"/>,
/// disposed afterwards. A store project runs the suite by deriving one sealed class per test class.
/// </summary>
public abstract class VaultStoreConformance<TFactory> : IAsyncLifetime
    where TFactory : IVaultStoreFactory, new()
{
    private readonly TFactory _factory = new();
    private IVaultStore? _store;

    protected virtual int CheckpointInterval => 1000;

    protected IVaultStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    protected static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => _store = await _factory.CreateAsync(TestData.Signer, CheckpointInterval, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await _factory.DisposeAsync();
    }

    /// <summary>Another store on the same database, as a second server would open; the caller disposes it.</summary>
    protected Task<IVaultStore> OpenSecondStoreAsync() => _factory.CreateAsync(TestData.Signer, CheckpointInterval, CancellationToken.None);

    protected async Task InTransactionAsync(Func<IVaultTransaction, Task> work)
    {
        await using var transaction = await Store.BeginAsync(Ct);
        await work(transaction);
        await transaction.CommitAsync(Ct);
    }

    protected Task<StoredSubject> NewSubjectAsync() => NewSubjectAsync(TestData.Subject());

    protected async Task<StoredSubject> NewSubjectAsync(StoredSubject subject)
    {
        await InTransactionAsync(t => t.CreateSubjectAsync(subject, Ct));
        return subject;
    }
}
