using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Vault;

namespace Custodian.Sqlite;

/// <summary>Opens a <see cref="DataVault"/> on a SQLite data directory: master key, key ring, store and policy together.</summary>
public static class SqliteVaultFactory
{
    /// <summary>An open vault and what it owns; dispose to close the store and wipe the keys.</summary>
    /// <param name="Vault">The vault.</param>
    /// <param name="Store">Its store.</param>
    /// <param name="Keys">Its key ring.</param>
    /// <param name="KeyWarning">A warning about where the master key lives, if any.</param>
    public sealed record OpenVault(DataVault Vault, SqliteVaultStore Store, KeyRing Keys, string? KeyWarning) : IAsyncDisposable
    {
        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            Keys.Dispose();
        }
    }

    /// <summary>Opens the store in <paramref name="dataDirectory"/> with the master key from the environment or the key file.</summary>
    public static async Task<OpenVault> OpenAsync(string dataDirectory, CompiledPolicy policy, TimeProvider clock, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        using var master = new MasterKeyProvider().Load(dataDirectory);
        var keys = new KeyRing(master);
        return await OpenAsync(dataDirectory, keys, policy, clock, master.Warning, cancellationToken);
    }

    /// <summary>Opens the store with a given key ring (tests and simulations use a fresh random one).</summary>
    public static async Task<OpenVault> OpenAsync(string dataDirectory, KeyRing keys, CompiledPolicy policy, TimeProvider clock, string? keyWarning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var store = await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions
        {
            DataDirectory = dataDirectory,
            CheckpointSigner = new AuditCheckpointSigner(keys.AuditKey),
        }, cancellationToken);
        return new OpenVault(new DataVault(store, keys, policy, clock), store, keys, keyWarning);
    }
}
