using System.CommandLine;
using Custodian.Policy;
using Custodian.Scenarios;
using Custodian.Server;
using Custodian.Server.Auth;
using Custodian.Server.Demo;
using Custodian.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian demo</c>: the example policy on a fresh data directory with demo people, served on loopback.</summary>
internal static class DemoCommand
{
    private const string Marker = ".custodian-demo";
    private const string LockFile = ".custodian-demo.lock";

    public static Command Build(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "The demo data directory; recreated on every run.", DefaultValueFactory = _ => "custodian-demo" };
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("demo", """
            Serve the CEKURA example policy (Danish care services) on a fresh data directory seeded with fictional people,
            consents, care data and alarm-unit readings; prints the URL, the API keys and curl commands to try.

            Example:
              custodian demo
            """)
        {
            data, urls,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(data)!, parse.GetValue(urls)!, ct));
        return command;
    }

    internal static async Task<int> RunAsync(CliConsole console, string dataDirectory, string urls, CancellationToken cancellationToken)
    {
        // Nothing is deleted before the demo is known to be able to run: a demo already running keeps its directory.
        if (ServeCommand.BadAddress(urls) is { } addressError)
        {
            console.Error.WriteLine($"error: {addressError}");
            return ExitCodes.Unreadable;
        }

        if (File.Exists(dataDirectory))
        {
            console.Error.WriteLine($"error: '{dataDirectory}' is a file, not a folder; choose a folder for the demo with --data");
            return ExitCodes.Unreadable;
        }

        if (ServeCommand.TakenAddress(urls) is { } taken)
        {
            console.Error.WriteLine($"error: {taken} is already in use (another server, or a demo still running); stop it or pass a free address with --urls");
            return ExitCodes.Unreadable;
        }

        if (Directory.Exists(dataDirectory))
        {
            if (!File.Exists(Path.Combine(dataDirectory, Marker)) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
            {
                console.Error.WriteLine($"error: '{dataDirectory}' exists and is not a demo directory; choose another with --data");
                return ExitCodes.Failed;
            }

            if (IsInUse(dataDirectory))
            {
                console.Error.WriteLine($"error: a demo is running on '{dataDirectory}'; stop it, or choose another folder with --data");
                return ExitCodes.Failed;
            }

            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        await using var running = OpenLock(dataDirectory);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, Marker), "This directory is recreated by 'custodian demo'.\n", cancellationToken);
        var policyPath = Path.Combine(dataDirectory, "policy.yaml");
        await using (var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream("Custodian.Cli.Demo.policy.yaml")!)
        await using (var file = File.Create(policyPath))
        {
            await resource.CopyToAsync(file, cancellationToken);
        }

        console.Error.WriteLine($"Seeding demo data in {Path.GetFullPath(dataDirectory)} …");
        var policy = PolicyCompiler.CompileFile(policyPath);
        IReadOnlyList<string> people;
        var now = TimeProvider.System.GetUtcNow();
        var clock = new VirtualClock(now - DemoSeed.History);
        await using (var open = await SqliteVaultFactory.OpenAsync(dataDirectory, policy, clock, cancellationToken))
        {
            people = await DemoSeed.SeedAsync(open.Vault, clock, now, console.Error, cancellationToken);
        }

        var keys = new ApiKeyStore(dataDirectory);
        var (_, admin) = keys.Create("demo admin", ApiScope.Admin, []);
        var (_, service) = keys.Create("demo care app", ApiScope.Service, ["essential.service", "essential.service.care", "marketing.communications.email"]);

        await using var app = CustodianServer.CreateBuilder(["--urls", urls], o =>
        {
            o.Policy = policyPath;
            o.Data = dataDirectory;
        }).Build().MapCustodian();
        if (!await ServeCommand.TryStartAsync(app, console, cancellationToken)) return ExitCodes.Unreadable;
        var url = app.Urls.First();
        var karen = people[0];
        var jens = people[1];
        console.Out.WriteLine($$"""

            Custodian demo is running at {{url}}
              policy:        CEKURA A/S (examples/cekura/policy.yaml), Danish and English
              data:          {{Path.GetFullPath(dataDirectory)}} (SQLite, {{people.Count}} named customers and a year of history)
              OpenAPI:       {{url}}/openapi/v1.json
              privacy:       {{url}}/privacy   (the privacy center: sign in as {{DemoSeed.People[0].Email}}; the code arrives in {{Path.GetFullPath(Path.Combine(dataDirectory, "outbox"))}})
              admin:         {{url}}/admin     (the admin console: sign in with the admin key)
              banner:        <script src="{{url}}/consent.js" defer></script>
              admin key:     {{admin}}
              service key:   {{service}}   (may name essential.service, essential.service.care, marketing.communications.email)

            Try:
              # 1. The policy in force
              curl -s -H "Authorization: Bearer {{admin}}" {{url}}/v1/policy

              # 2. Karen's data for customer administration: allowed values, reason codes for the rest
              curl -s -H "Authorization: Bearer {{service}}" "{{url}}/v1/subjects/{{karen}}/data?purpose=essential.service"

              # 3. Jens never consented to marketing email: the decision says why not
              curl -s -X POST -H "Authorization: Bearer {{service}}" -H "Content-Type: application/json" \
                -d '{"questions":[{"category":"user.contact.email","purpose":"marketing.communications.email"}]}' \
                {{url}}/v1/subjects/{{jens}}/decisions

            Ctrl+C stops the server.
            """);
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    // Held open, unshared, while a demo runs, so a second demo does not delete the directory under the first.
    private static FileStream OpenLock(string dataDirectory) =>
        new(Path.Combine(dataDirectory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private static bool IsInUse(string dataDirectory)
    {
        if (!File.Exists(Path.Combine(dataDirectory, LockFile))) return false;
        try
        {
            using var probe = OpenLock(dataDirectory);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
