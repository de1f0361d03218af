using System.CommandLine;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Sqlite;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian audit verify --data DIR</c>: walks the hash chain and checks every signed checkpoint.</summary>
internal static class AuditCommands
{
    public static Command Build(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "The data directory (holding custodian.db).", Required = true };
        var verify = new Command("verify", """
            Verify the audit trail: every entry's hash links to the one before, no entry is missing, edited or out of order,
            and every checkpoint's signature holds. Reports the first broken link. Exit 0 valid, 1 broken, 2 unreadable.

            Example:
              custodian audit verify --data ./custodian-data
            """)
        {
            data,
        };
        verify.SetAction((parse, ct) => VerifyAsync(console, parse.GetValue(data)!, ct));
        var audit = new Command("audit", "Work with the tamper-evident audit trail.");
        audit.Subcommands.Add(verify);
        return audit;
    }

    internal static async Task<int> VerifyAsync(CliConsole console, string dataDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(dataDirectory, SqliteVaultStoreOptions.DatabaseFileName)))
        {
            console.Error.WriteLine($"error: no Custodian store in '{dataDirectory}' (expected {SqliteVaultStoreOptions.DatabaseFileName}); pass the folder given to 'custodian serve --data'");
            return ExitCodes.Unreadable;
        }

        MasterKey master;
        try
        {
            master = new MasterKeyProvider().Load(dataDirectory);
        }
        catch (MasterKeyException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Unreadable;
        }

        using (master)
        {
            using var keys = new KeyRing(master);
            var signer = new AuditCheckpointSigner(keys.AuditKey);
            await using var store = await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = dataDirectory, CheckpointSigner = signer }, cancellationToken);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await new AuditVerifier(signer).VerifyAsync(store, cancellationToken);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (result.IsValid)
            {
                console.Out.WriteLine($"audit chain valid: {result.EntriesVerified} entries, {result.CheckpointsVerified} signed checkpoints ({elapsed.TotalMilliseconds:F0} ms)");
                return ExitCodes.Ok;
            }

            console.Out.WriteLine($"audit chain BROKEN at entry {result.BrokenAt}: {result.Kind}: {result.Message}");
            return ExitCodes.Failed;
        }
    }
}
