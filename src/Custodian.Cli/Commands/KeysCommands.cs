using System.CommandLine;
using System.Text.Json;
using Custodian.Policy;
using Custodian.Retention;
using Custodian.Server.Auth;
using Custodian.Sqlite;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian keys create|list|revoke|archive-keypair</c>: API keys, stored only as hashes, and the archive management key pair (IS7).</summary>
internal static class KeysCommands
{
    public static Command Build(CliConsole console)
    {
        var keys = new Command("keys", "API keys (stored only as SHA-256 hashes in DATA/api-keys.json) and the management key pair archives are sealed to.");
        keys.Subcommands.Add(Create(console));
        keys.Subcommands.Add(List(console));
        keys.Subcommands.Add(Revoke(console));
        keys.Subcommands.Add(ArchiveKeyPair(console));
        return keys;
    }

    private static Command ArchiveKeyPair(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "The folder to write archive-public.pem and archive-private.pem into.", Required = true };
        var pair = new Command("archive-keypair", """
            Create the management key pair for archives (RSA 3072). Copy archive-public.pem into the data directory: the
            service seals archives to it and cannot read them. Move archive-private.pem off the server to where management
            keeps it; 'custodian archive open' needs it. Exit codes: 0 written, 2 the folder cannot be written or a key exists.

            Example:
              custodian keys archive-keypair --out ./management-keys
            """)
        {
            output,
        };
        pair.SetAction(parse => CreatePair(console, parse.GetValue(output)!));
        return pair;
    }

    private static Option<string> DataOption() => new("--data") { Description = "The data directory.", DefaultValueFactory = _ => "custodian-data" };

    private static Command Create(CliConsole console)
    {
        var data = DataOption();
        var name = new Option<string>("--name") { Description = "A label for people (which service uses it).", Required = true };
        var scope = new Option<string>("--scope") { Description = "admin, service (bound to purposes) or auditor.", Required = true };
        scope.AcceptOnlyFromAmong("admin", "service", "auditor");
        var purposes = new Option<string[]>("--purpose") { Description = "For a service key: a purpose it may name (repeat for several); one the policy defines.", AllowMultipleArgumentsPerToken = true };
        var policy = new Option<string?>("--policy") { Description = "For a service key: the policy file in force (as given to 'custodian serve --policy'; a version published since in the store in --data takes its place). Its purposes are the ones a key may be bound to." };
        var vouch = new Option<bool>("--vouch") { Description = "For a service key: it may vouch for people it has signed in, filing their data-subject requests verified at once (no code mailed). Give it only to the app people sign in to." };
        var command = new Command("create", """
            Create an API key. The key is printed once; only its hash is kept. A service key is bound to purposes, and each
            must be one the policy in force defines: give that policy with --policy (a version published since in the store
            in --data takes its place). Exit codes: 0 created, 1 refused (no purpose, a purpose the policy does not define,
            policy errors), 2 unreadable (the data directory, the key file or the policy).

            Examples:
              custodian keys create --data ./custodian-data --name desk --scope admin
              custodian keys create --data ./custodian-data --name web-shop --scope service --policy examples/cekura/policy.yaml --purpose essential.service --purpose marketing.communications.email
              custodian keys create --data ./custodian-data --name account-app --scope service --policy examples/cekura/policy.yaml --purpose essential.service --vouch
            """)
        {
            data, name, scope, purposes, policy, vouch,
        };
        command.SetAction(async (parse, ct) =>
        {
            var scopeValue = Enum.Parse<ApiScope>(parse.GetValue(scope)!, ignoreCase: true);
            var directory = parse.GetValue(data)!;
            var store = OpenStore(console, directory, mustExist: false);
            if (store is null) return ExitCodes.Unreadable;
            var bound = parse.GetValue(purposes) ?? [];
            if (scopeValue == ApiScope.Service && bound.Length > 0)
            {
                var check = await CheckPurposesAsync(console, parse.GetValue(policy), directory, bound, ct);
                if (check != ExitCodes.Ok) return check;
            }

            try
            {
                var (key, token) = store.Create(parse.GetValue(name)!, scopeValue, bound, parse.GetValue(vouch));
                console.Out.WriteLine(token);
                console.Error.WriteLine($"Created {key.Scope.ToString().ToLowerInvariant()} key {key.Id} ('{key.Name}'). Store it now: it is not shown again.");
                return ExitCodes.Ok;
            }
            catch (ArgumentException e)
            {
                console.Error.WriteLine($"error: {e.Message.Split(" (Parameter", 2)[0]}");
                return ExitCodes.Failed;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: cannot write {Path.Combine(directory, ApiKeyStore.FileName)}: {e.Message.TrimEnd('.')}; pass a writable data directory with --data");
                return ExitCodes.Unreadable;
            }
        });
        return command;
    }

    /// <summary>
    /// Whether every purpose a service key is to be bound to is one the policy in force defines: the policy file given,
    /// or, when <paramref name="directory"/> holds a store, the version in force there (as the other commands open it).
    /// A purpose the policy does not define could never be named by the key, so it is refused with the nearest defined
    /// one and the list of defined purposes. Returns the exit code; <see cref="ExitCodes.Ok"/> when all are defined.
    /// </summary>
    private static async Task<int> CheckPurposesAsync(CliConsole console, string? policyFile, string directory, IReadOnlyList<string> purposes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(policyFile))
        {
            console.Error.WriteLine("error: a service key may name only purposes the policy defines; give the policy in force with --policy FILE (the file given to 'custodian serve --policy')");
            return ExitCodes.Unreadable;
        }

        CompiledPolicy inForce;
        string source;
        if (File.Exists(Path.Combine(directory, SqliteVaultStoreOptions.DatabaseFileName)))
        {
            var (open, exit) = await VaultOpening.OpenAsync(console, policyFile, directory, cancellationToken);
            if (open is null) return exit;
            await using (open)
            {
                inForce = open.Vault.Policy;
            }

            source = $"the policy in force in '{directory}'";
        }
        else
        {
            if (PolicyLoading.Compile(console, policyFile, out var exit) is not { } compiled) return exit;
            inForce = compiled;
            source = policyFile;
        }

        var defined = inForce.Purposes.Select(p => p.Key).ToList();
        var unknown = purposes.Where(p => !inForce.TryGetPurpose(p, out _)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var purpose in unknown)
        {
            var nearest = Suggestions.Nearest(purpose, defined, count: 1);
            var hint = nearest.Count > 0 ? $"; did you mean '{nearest[0]}'?" : ".";
            console.Error.WriteLine($"error: --purpose '{Suggestions.Quote(purpose)}' is not a purpose {source} defines{hint} Defined purposes: {string.Join(", ", defined)}");
        }

        return unknown.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static Command List(CliConsole console)
    {
        var data = DataOption();
        var command = new Command("list", "List API keys (ids, names, scopes, purposes; never the keys).") { data };
        command.SetAction(parse =>
        {
            var store = OpenStore(console, parse.GetValue(data)!, mustExist: true);
            if (store is null) return ExitCodes.Unreadable;
            var keys = store.List();
            if (keys.Count == 0) console.Error.WriteLine("No API keys yet; create one with 'custodian keys create'.");
            foreach (var key in keys)
            {
                var state = key.RevokedAt is { } revoked ? $"revoked {revoked:yyyy-MM-dd}" : "active";
                var purposes = key.Purposes.Count > 0 ? " purposes=" + string.Join(",", key.Purposes) : "";
                var vouches = key.Vouches ? " vouches" : "";
                console.Out.WriteLine($"{key.Id}\t{key.Scope.ToString().ToLowerInvariant()}\t{state}\t{key.Name}{purposes}{vouches}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CliConsole console)
    {
        var data = DataOption();
        var id = new Argument<string>("ID") { Description = "The key id (key_…)." };
        var command = new Command("revoke", "Revoke an API key; a running server refuses it within a second.") { data, id };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(data)!;
            var store = OpenStore(console, directory, mustExist: true);
            if (store is null) return ExitCodes.Unreadable;
            bool revoked;
            try
            {
                revoked = store.Revoke(parse.GetValue(id)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: cannot write {Path.Combine(directory, ApiKeyStore.FileName)}: {e.Message.TrimEnd('.')}; check the folder's permissions");
                return ExitCodes.Unreadable;
            }

            if (revoked)
            {
                console.Error.WriteLine($"Revoked {parse.GetValue(id)}.");
                return ExitCodes.Ok;
            }

            console.Error.WriteLine($"error: no active key '{parse.GetValue(id)}'; see 'custodian keys list'");
            return ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>
    /// The key file of <paramref name="directory"/>, read once to check it; null, said in one line, when the folder is a
    /// file, is missing where keys must already exist, or holds an API key file that cannot be read (never rewritten then).
    /// </summary>
    private static ApiKeyStore? OpenStore(CliConsole console, string directory, bool mustExist)
    {
        var path = Path.Combine(directory, ApiKeyStore.FileName);
        if (File.Exists(directory))
        {
            console.Error.WriteLine($"error: '{directory}' is a file, not a folder; pass the data directory (a folder) with --data");
            return null;
        }

        if (mustExist && !Directory.Exists(directory))
        {
            console.Error.WriteLine($"error: there is no data directory '{directory}'; pass the folder given to 'custodian serve --data' (keys are created there with 'custodian keys create')");
            return null;
        }

        try
        {
            return new ApiKeyStore(directory);
        }
        catch (JsonException e)
        {
            var where = new FileInfo(path).Length == 0 ? "it is empty" : $"it is not a valid key list (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})";
            console.Error.WriteLine($"error: cannot read the API key file {path}: {where}; restore it from a backup, or move it aside and create the keys again with 'custodian keys create'");
        }
        catch (ArgumentException)
        {
            console.Error.WriteLine($"error: cannot read the API key file {path}: an entry lacks its id or fields; restore it from a backup, or move it aside and create the keys again with 'custodian keys create'");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot read the API key file {path}: {e.Message.TrimEnd('.')}; check its permissions");
        }

        return null;
    }

    internal static int CreatePair(CliConsole console, string directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            console.Error.WriteLine("error: --out is empty; give the folder to write archive-public.pem and archive-private.pem into, such as --out ./management-keys");
            return ExitCodes.Unreadable;
        }

        if (File.Exists(directory))
        {
            console.Error.WriteLine($"error: --out '{directory}' is a file, not a folder; give a folder to write the key pair into");
            return ExitCodes.Unreadable;
        }

        var publicPath = Path.Combine(directory, ArchivePublicKey.DefaultFileName);
        var privatePath = Path.Combine(directory, "archive-private.pem");
        if (File.Exists(publicPath) || File.Exists(privatePath))
        {
            console.Error.WriteLine($"error: {directory} already holds an archive key; archives sealed to it would be lost with it. Choose another folder.");
            return ExitCodes.Unreadable;
        }

        try
        {
            Directory.CreateDirectory(directory);
            using var key = ArchivePrivateKey.Generate();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(privatePath, options)) writer.Write(key.ExportPrivatePem());
            File.WriteAllText(publicPath, key.ExportPublicPem());
            console.Out.WriteLine($"wrote {publicPath} (copy it into the data directory)");
            console.Out.WriteLine($"wrote {privatePath} (mode 0600)");
            console.Error.WriteLine($"warning: move {privatePath} off this server now. Whoever holds it can read every archive; the service must not.");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot write to {directory}: {e.Message}");
            return ExitCodes.Unreadable;
        }
    }
}
