using Custodian.Policy;
using Custodian.Sqlite;

namespace Custodian.Cli.Commands;

/// <summary>Opens the vault of a data directory for a command, turning the usual mistakes into clear errors.</summary>
internal static class VaultOpening
{
    public static async Task<SqliteVaultFactory.OpenVault?> OpenAsync(CliConsole console, string policyPath, string dataDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(dataDirectory, SqliteVaultStoreOptions.DatabaseFileName)))
        {
            console.Error.WriteLine($"error: no Custodian store in '{dataDirectory}' (expected {SqliteVaultStoreOptions.DatabaseFileName}); pass the folder given to 'custodian serve --data'");
            return null;
        }

        try
        {
            var open = await SqliteVaultFactory.OpenAsync(dataDirectory, PolicyCompiler.CompileFile(policyPath), TimeProvider.System, cancellationToken);
            await open.Vault.ActivateDuePolicyAsync(cancellationToken);
            return open;
        }
        catch (PolicyException e)
        {
            foreach (var error in e.Errors) console.Error.WriteLine(error);
            return null;
        }
    }
}
