using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Custodian.Crypto;
using Custodian.Retention;
using Custodian.Sqlite;
using Microsoft.Data.Sqlite;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian archive open --private-key FILE --data DIR [ARCHIVE]</c>: management reads archives with its private key (IS7).</summary>
internal static class ArchiveCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Build(CliConsole console)
    {
        var privateKey = new Option<string>("--private-key") { Description = "The management private key (archive-private.pem).", Required = true };
        var data = new Option<string>("--data") { Description = "The data directory (holding custodian.db).", Required = true };
        var archiveId = new Argument<string?>("ARCHIVE") { Description = "One archive id (arc_…); all archives when left out.", Arity = ArgumentArity.ZeroOrOne };
        var open = new Command("open", """
            Decrypt archives with the management private key and print their records as JSON. Run it where management keeps
            the key, never on the server. Exit codes: 0 printed, 1 an archive is sealed to another key or was altered, 2 unreadable input.

            Example:
              custodian archive open --private-key ~/keys/archive-private.pem --data ./custodian-data
            """)
        {
            privateKey, data, archiveId,
        };
        open.SetAction((parse, ct) => OpenAsync(console, parse.GetValue(privateKey)!, parse.GetValue(data)!, parse.GetValue(archiveId), ct));
        var archive = new Command("archive", "Read archives sealed to the management key.");
        archive.Subcommands.Add(open);
        return archive;
    }

    internal static async Task<int> OpenAsync(CliConsole console, string privateKeyFile, string dataDirectory, string? archiveId, CancellationToken cancellationToken)
    {
        ArchivePrivateKey key;
        try
        {
            key = ArchivePrivateKey.FromPem(await File.ReadAllTextAsync(privateKeyFile, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            console.Error.WriteLine($"error: {privateKeyFile}: {e.Message.Split(" (Parameter", 2)[0]}");
            return ExitCodes.Unreadable;
        }

        using (key)
        {
            if (!File.Exists(Path.Combine(dataDirectory, SqliteVaultStoreOptions.DatabaseFileName)))
            {
                console.Error.WriteLine($"error: no Custodian store in '{dataDirectory}' (expected {SqliteVaultStoreOptions.DatabaseFileName})");
                return ExitCodes.Unreadable;
            }

            if (StoreFile.Problem(dataDirectory) is { } storeError)
            {
                console.Error.WriteLine($"error: {storeError}");
                return ExitCodes.Unreadable;
            }

            // Reading archives needs no master key: the store is opened with a throwaway signer and nothing is written.
            using var keys = new KeyRing(RandomNumberGenerator.GetBytes(32));
            SqliteVaultStore store;
            try
            {
                store = await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = dataDirectory, CheckpointSigner = new Audit.AuditCheckpointSigner(keys.AuditKey) }, cancellationToken);
            }
            catch (SqliteException e)
            {
                console.Error.WriteLine($"error: {StoreFile.Unreadable(dataDirectory, e)}");
                return ExitCodes.Unreadable;
            }

            await using var _ = store;
            var archives = (await store.ReadArchivesAsync(null, cancellationToken)).Where(a => archiveId is null || a.ArchiveId == archiveId).ToList();
            if (archiveId is not null && archives.Count == 0)
            {
                console.Error.WriteLine($"error: there is no archive '{archiveId}' in {dataDirectory}");
                return ExitCodes.Failed;
            }

            var output = new List<object>();
            foreach (var archive in archives)
            {
                try
                {
                    output.Add(new { archive = archive.ArchiveId, created_at = archive.CreatedAt, algorithm = archive.Algorithm, records = key.Open(archive) });
                }
                catch (CryptographicException e)
                {
                    console.Error.WriteLine($"error: {e.Message}");
                    return ExitCodes.Failed;
                }
            }

            console.Out.WriteLine(JsonSerializer.Serialize(output, Json));
            return ExitCodes.Ok;
        }
    }
}
