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
        using var master = LoadMasterKey(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var keys = new KeyRing(master);
        var open = await OpenAsync(dataDirectory, keys, policy, clock, master.Warning, cancellationToken);
        if (await MasterKeyCheck.MatchesAsync(open.Store, keys, cancellationToken)) return open;
        await open.DisposeAsync();
        throw MasterKeyCheck.Mismatch(Path.GetFullPath(Path.Combine(dataDirectory, SqliteVaultStoreOptions.DatabaseFileName)), dataDirectory, master.Source);
    }

    /// <summary>
    /// The master key of the store in <paramref name="dataDirectory"/>: from <c>CUSTODIAN_MASTER_KEY</c> or the key file,
    /// created only with a new store. A store whose key is gone is refused, never given a new key: its sealed data
    /// would be unreadable and new data sealed under another key.
    /// </summary>
    /// <exception cref="MasterKeyException">The store exists but its key does not, or the key does not decode.</exception>
    public static MasterKey LoadMasterKey(string dataDirectory) => LoadMasterKey(dataDirectory, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="LoadMasterKey(string)"/>, reading variables through <paramref name="environment"/>.</summary>
    public static MasterKey LoadMasterKey(string dataDirectory, Func<string, string?> environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(environment);
        var database = Path.Combine(dataDirectory, SqliteVaultStoreOptions.DatabaseFileName);
        var keyFile = Path.Combine(dataDirectory, MasterKeyProvider.KeyFileName);
        if (File.Exists(database) && string.IsNullOrWhiteSpace(environment(MasterKeyProvider.EnvironmentVariable)) && !File.Exists(keyFile))
        {
            throw new MasterKeyException(
                $"The store {Path.GetFullPath(database)} exists but its master key is missing: expected {Path.GetFullPath(keyFile)} or the {MasterKeyProvider.EnvironmentVariable} environment variable. "
                + MasterKeyCheck.RestoreAdvice + "; a new key would leave its sealed data unreadable.");
        }

        return new MasterKeyProvider(environment).Load(dataDirectory);
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
