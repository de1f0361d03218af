using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Vault;

namespace Custodian.Postgres;

/// <summary>Opens a <see cref="DataVault"/> on a PostgreSQL schema: master key, key ring, store and policy together.</summary>
public static class PostgresVaultFactory
{
    /// <summary>An open vault and what it owns; dispose to close the store and wipe the keys.</summary>
    /// <param name="Vault">The vault.</param>
    /// <param name="Store">Its store.</param>
    /// <param name="Keys">Its key ring.</param>
    /// <param name="KeyWarning">A warning about where the master key lives, if any.</param>
    public sealed record OpenVault(DataVault Vault, PostgresVaultStore Store, KeyRing Keys, string? KeyWarning) : IAsyncDisposable
    {
        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            Keys.Dispose();
        }
    }

    /// <summary>
    /// Opens the vault in <paramref name="schema"/> of the database <paramref name="connectionString"/> names, with the
    /// master key from <c>CUSTODIAN_MASTER_KEY</c> or the key file in <paramref name="keyDirectory"/>. Every server
    /// sharing the schema must use the same master key.
    /// </summary>
    public static async Task<OpenVault> OpenAsync(string connectionString, string schema, string keyDirectory, CompiledPolicy policy, TimeProvider clock, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(keyDirectory);
        using var master = new MasterKeyProvider().Load(keyDirectory);
        var keys = new KeyRing(master);
        OpenVault open;
        try
        {
            open = await OpenAsync(connectionString, schema, keys, policy, clock, master.Warning, cancellationToken);
        }
        catch
        {
            keys.Dispose();
            throw;
        }

        if (await MasterKeyCheck.MatchesAsync(open.Store, keys, cancellationToken)) return open;
        await open.DisposeAsync();

        // A key made on this start for a schema that already holds data is not kept: the right one is to be put back.
        if (master.Source == MasterKeySource.CreatedKeyFile) File.Delete(Path.Combine(keyDirectory, MasterKeyProvider.KeyFileName));
        throw MasterKeyCheck.Mismatch($"the PostgreSQL schema '{schema}'", keyDirectory, master.Source);
    }

    /// <summary>Opens the vault with a given key ring (tests and simulations use a fresh random one).</summary>
    public static async Task<OpenVault> OpenAsync(string connectionString, string schema, KeyRing keys, CompiledPolicy policy, TimeProvider clock, string? keyWarning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var store = await PostgresVaultStore.OpenAsync(new PostgresVaultStoreOptions
        {
            ConnectionString = connectionString,
            Schema = schema,
            CheckpointSigner = new AuditCheckpointSigner(keys.AuditKey),
            TimeProvider = clock,
        }, cancellationToken);
        return new OpenVault(new DataVault(store, keys, policy, clock), store, keys, keyWarning);
    }
}
