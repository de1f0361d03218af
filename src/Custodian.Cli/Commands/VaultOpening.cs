using Custodian.Crypto;
using Custodian.Sqlite;
using Microsoft.Data.Sqlite;

namespace Custodian.Cli.Commands;

/// <summary>
/// Opens the vault of a data directory for a command: the policy checked, the store required to exist (a wrong
/// <c>--data</c> must never create a fresh store and master key), key problems and warnings reported, and the
/// published policy version in force put into effect. A store whose master key is missing is refused, never given a new key.
/// </summary>
internal static class VaultOpening
{
    /// <summary>The open vault, or null with the exit code to return (1 policy errors, 2 unreadable).</summary>
    public static async Task<(SqliteVaultFactory.OpenVault? Vault, int ExitCode)> OpenAsync(CliConsole console, string policyPath, string dataDirectory, CancellationToken cancellationToken)
    {
        var policy = PolicyLoading.Compile(console, policyPath, out var exit);
        if (policy is null) return (null, exit);
        if (!File.Exists(Path.Combine(dataDirectory, SqliteVaultStoreOptions.DatabaseFileName)))
        {
            console.Error.WriteLine($"error: no Custodian store in '{dataDirectory}' (expected {SqliteVaultStoreOptions.DatabaseFileName}); pass the folder given to 'custodian serve --data'");
            return (null, ExitCodes.Unreadable);
        }

        if (StoreFile.Problem(dataDirectory) is { } storeError)
        {
            console.Error.WriteLine($"error: {storeError}");
            return (null, ExitCodes.Unreadable);
        }

        try
        {
            var open = await SqliteVaultFactory.OpenAsync(dataDirectory, policy, TimeProvider.System, cancellationToken);
            if (open.KeyWarning is { } warning) console.Error.WriteLine($"warning: {warning}");
            await open.Vault.ActivateDuePolicyAsync(cancellationToken);
            return (open, ExitCodes.Ok);
        }
        catch (MasterKeyException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return (null, ExitCodes.Unreadable);
        }
        catch (SqliteException e)
        {
            console.Error.WriteLine($"error: {StoreFile.Unreadable(dataDirectory, e)}");
            return (null, ExitCodes.Unreadable);
        }
    }
}
