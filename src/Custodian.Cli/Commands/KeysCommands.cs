using System.CommandLine;
using Custodian.Server.Auth;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian keys create|list|revoke</c>: API keys, stored only as hashes in the data directory.</summary>
internal static class KeysCommands
{
    public static Command Build(CliConsole console)
    {
        var keys = new Command("keys", "Create, list and revoke API keys (stored only as SHA-256 hashes in DATA/api-keys.json).");
        keys.Subcommands.Add(Create(console));
        keys.Subcommands.Add(List(console));
        keys.Subcommands.Add(Revoke(console));
        return keys;
    }

    private static Option<string> DataOption() => new("--data") { Description = "The data directory.", DefaultValueFactory = _ => "custodian-data" };

    private static Command Create(CliConsole console)
    {
        var data = DataOption();
        var name = new Option<string>("--name") { Description = "A label for people (which service uses it).", Required = true };
        var scope = new Option<string>("--scope") { Description = "admin, service (bound to purposes) or auditor.", Required = true };
        scope.AcceptOnlyFromAmong("admin", "service", "auditor");
        var purposes = new Option<string[]>("--purpose") { Description = "For a service key: a purpose it may name (repeat for several).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("create", """
            Create an API key. The key is printed once; only its hash is kept.

            Example:
              custodian keys create --data ./custodian-data --name web-shop --scope service --purpose essential.service --purpose marketing.communications.email
            """)
        {
            data, name, scope, purposes,
        };
        command.SetAction(parse =>
        {
            var scopeValue = Enum.Parse<ApiScope>(parse.GetValue(scope)!, ignoreCase: true);
            try
            {
                var (key, token) = new ApiKeyStore(parse.GetValue(data)!).Create(parse.GetValue(name)!, scopeValue, parse.GetValue(purposes) ?? []);
                console.Out.WriteLine(token);
                console.Error.WriteLine($"Created {key.Scope.ToString().ToLowerInvariant()} key {key.Id} ('{key.Name}'). Store it now: it is not shown again.");
                return ExitCodes.Ok;
            }
            catch (ArgumentException e)
            {
                console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var data = DataOption();
        var command = new Command("list", "List API keys (ids, names, scopes, purposes; never the keys).") { data };
        command.SetAction(parse =>
        {
            var keys = new ApiKeyStore(parse.GetValue(data)!).List();
            if (keys.Count == 0) console.Error.WriteLine("No API keys yet; create one with 'custodian keys create'.");
            foreach (var key in keys)
            {
                var state = key.RevokedAt is { } revoked ? $"revoked {revoked:yyyy-MM-dd}" : "active";
                var purposes = key.Purposes.Count > 0 ? " purposes=" + string.Join(",", key.Purposes) : "";
                console.Out.WriteLine($"{key.Id}\t{key.Scope.ToString().ToLowerInvariant()}\t{state}\t{key.Name}{purposes}");
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
            if (new ApiKeyStore(parse.GetValue(data)!).Revoke(parse.GetValue(id)!))
            {
                console.Error.WriteLine($"Revoked {parse.GetValue(id)}.");
                return ExitCodes.Ok;
            }

            console.Error.WriteLine($"error: no active key '{parse.GetValue(id)}'; see 'custodian keys list'");
            return ExitCodes.Failed;
        });
        return command;
    }
}
