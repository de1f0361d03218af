using System.CommandLine;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Postgres;
using Custodian.Sqlite;
using Custodian.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian audit verify --data DIR [--postgres …]</c>: walks the hash chain and checks every signed checkpoint.</summary>
internal static class AuditCommands
{
    public static Command Build(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "The data directory (holding custodian.db, or with --postgres the master key file).", Required = true };
        var postgres = new PostgresOptions();
        var verify = new Command("verify", """
            Verify the audit trail: every entry's hash links to the one before, no entry is missing, edited or out of order,
            and every checkpoint's signature holds. Reports the first broken link. Exit 0 valid, 1 broken, 2 unreadable.
            With --postgres (or CUSTODIAN_POSTGRES) it verifies the vault in that PostgreSQL schema; the master key still comes
            from CUSTODIAN_MASTER_KEY or the key file in --data.

            Examples:
              custodian audit verify --data ./custodian-data
              custodian audit verify --data ./custodian-data --postgres "Host=db;Database=custodian;Username=custodian"
            """)
        {
            data,
        };
        postgres.AddTo(verify);
        verify.SetAction(async (parse, ct) =>
        {
            if (postgres.IsGivenEmpty(parse))
            {
                console.Error.WriteLine($"error: {PostgresOptions.EmptyConnectionString}");
                return ExitCodes.Unreadable;
            }

            return await VerifyAsync(console, parse.GetValue(data)!, postgres.Resolve(parse), parse.GetValue(postgres.Schema)!, ct);
        });
        var audit = new Command("audit", "Work with the tamper-evident audit trail.");
        audit.Subcommands.Add(verify);
        return audit;
    }

    internal static async Task<int> VerifyAsync(CliConsole console, string dataDirectory, string? postgres, string schema, CancellationToken cancellationToken)
    {
        if (postgres is null && !File.Exists(Path.Combine(dataDirectory, SqliteVaultStoreOptions.DatabaseFileName)))
        {
            console.Error.WriteLine($"error: no Custodian store in '{dataDirectory}' (expected {SqliteVaultStoreOptions.DatabaseFileName}); pass the folder given to 'custodian serve --data', or --postgres for a vault in PostgreSQL");
            return ExitCodes.Unreadable;
        }

        if (postgres is not null && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MasterKeyProvider.EnvironmentVariable))
            && !File.Exists(Path.Combine(dataDirectory, MasterKeyProvider.KeyFileName)))
        {
            // Without the servers' master key the checkpoint signatures cannot be checked; a fresh key would report them all broken.
            console.Error.WriteLine($"error: no master key: '{dataDirectory}' has no {MasterKeyProvider.KeyFileName} and {MasterKeyProvider.EnvironmentVariable} is not set; pass the --data folder the servers use, or set the variable they use");
            return ExitCodes.Unreadable;
        }

        if (postgres is null && StoreFile.Problem(dataDirectory) is { } storeError)
        {
            console.Error.WriteLine($"error: {storeError}");
            return ExitCodes.Unreadable;
        }

        MasterKey master;
        try
        {
            // A SQLite store whose key file is gone is refused: a fresh key would report every checkpoint broken.
            master = postgres is null ? SqliteVaultFactory.LoadMasterKey(dataDirectory) : new MasterKeyProvider().Load(dataDirectory);
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
            await using var store = postgres is null
                ? await OpenSqliteAsync(console, dataDirectory, signer, cancellationToken)
                : await OpenPostgresAsync(console, postgres, schema, signer, cancellationToken);
            if (store is null)
            {
                return ExitCodes.Unreadable;
            }

            // Under another key every checkpoint signature fails, which would read as tampering; say what is wrong instead.
            if (!await MasterKeyCheck.MatchesAsync(store, keys, cancellationToken))
            {
                var described = postgres is null ? Path.GetFullPath(Path.Combine(dataDirectory, SqliteVaultStoreOptions.DatabaseFileName)) : $"the PostgreSQL schema '{schema}'";
                console.Error.WriteLine($"error: {MasterKeyCheck.Mismatch(described, dataDirectory, master.Source).Message} Nothing was verified.");
                return ExitCodes.Unreadable;
            }

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

    private static async Task<IVaultStore?> OpenSqliteAsync(CliConsole console, string dataDirectory, AuditCheckpointSigner signer, CancellationToken cancellationToken)
    {
        try
        {
            return await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = dataDirectory, CheckpointSigner = signer }, cancellationToken);
        }
        catch (SqliteException e)
        {
            console.Error.WriteLine($"error: {StoreFile.Unreadable(dataDirectory, e)}");
            return null;
        }
    }

    // Checks the schema exists first: opening a store creates a missing schema, and verifying must not invent an empty vault.
    private static async Task<IVaultStore?> OpenPostgresAsync(CliConsole console, string connectionString, string schema, AuditCheckpointSigner signer, CancellationToken cancellationToken)
    {
        if (PostgresOptions.CheckSchema(schema) is { } schemaError)
        {
            console.Error.WriteLine($"error: --postgres-schema: {schemaError}");
            return null;
        }

        try
        {
            if (!await PostgresSchema.ExistsAsync(connectionString, schema, cancellationToken))
            {
                console.Error.WriteLine($"error: no Custodian vault in PostgreSQL schema '{schema}'; pass the --postgres-schema the servers use (default 'custodian')");
                return null;
            }

            return await PostgresVaultStore.OpenAsync(new PostgresVaultStoreOptions { ConnectionString = connectionString, Schema = schema, CheckpointSigner = signer }, cancellationToken);
        }
        catch (ArgumentException)
        {
            console.Error.WriteLine($"error: {PostgresOptions.InvalidConnectionString}");
            return null;
        }
        catch (NpgsqlException e)
        {
            console.Error.WriteLine($"error: {PostgresOptions.Unreachable(e)}");
            return null;
        }
        catch (VaultStoreException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
