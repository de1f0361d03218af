using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Custodian.Crypto;
using Custodian.Server;
using Custodian.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian serve</c>: runs the HTTP API on Kestrel over a data directory.</summary>
internal static class ServeCommand
{
    public static Command Build(CliConsole console)
    {
        var policy = new Option<string>("--policy") { Description = "The policy file to enforce (default: the setting Custodian:Policy)." };
        var data = new Option<string>("--data") { Description = "The data directory (SQLite file, key file, API keys). Created when missing.", DefaultValueFactory = _ => "custodian-data" };
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var rate = new Option<int>("--rate-limit") { Description = "Requests per second per API key.", DefaultValueFactory = _ => 1000 };
        var postgres = new PostgresOptions();
        var command = new Command("serve", """
            Serve the Custodian API: every read names a purpose, every use is decided by the policy, every call is audited.
            Create an API key first with 'custodian keys create'. Stop with Ctrl+C: in-flight writes finish first.
            With --postgres (or CUSTODIAN_POSTGRES) the vault lives in PostgreSQL and any number of servers may share it;
            the data directory then keeps only the master key and API keys, and every server needs the same ones.
            Settings may also come from the section Custodian of appsettings.json (in the current directory), the
            environment (Custodian__RateLimitPerSecond=200) or arguments (--Custodian:RateLimitPerSecond=200); a flag given wins.

            Examples:
              custodian keys create --data ./custodian-data --name backend --scope service --purpose essential.service --policy examples/cekura/policy.yaml
              custodian serve --policy examples/cekura/policy.yaml --data ./custodian-data --urls http://127.0.0.1:5080
              custodian serve --policy examples/cekura/policy.yaml --data ./custodian-data --postgres "Host=db;Database=custodian;Username=custodian"
            """)
        {
            policy, data, urls, rate,
        };
        postgres.AddTo(command);

        // Arguments serve does not know are configuration settings (--Custodian:RateLimitPerSecond=200), checked below.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            if (postgres.IsGivenEmpty(parse))
            {
                console.Error.WriteLine($"error: {PostgresOptions.EmptyConnectionString}");
                return ExitCodes.Unreadable;
            }

            if (ServeSettings.Check(parse.UnmatchedTokens, out var settingsError) is not { } settings)
            {
                console.Error.WriteLine($"error: {settingsError}");
                return ExitCodes.Unreadable;
            }

            var configuration = ServeSettings.Read(settings);
            if (ServeSettings.Number(parse, rate, configuration, nameof(ServerOptions.RateLimitPerSecond), out var rateError) is not { } perSecond)
            {
                console.Error.WriteLine($"error: {rateError}");
                return ExitCodes.Unreadable;
            }

            var options = new ServeOptions(
                ServeSettings.Text(parse, policy, configuration, nameof(ServerOptions.Policy)),
                ServeSettings.Text(parse, data, configuration, nameof(ServerOptions.Data)),
                parse.GetValue(urls)!,
                perSecond)
            {
                Postgres = postgres.Resolve(parse, ServeSettings.Given(parse, postgres.ConnectionString) ? null : configuration[ServeSettings.Key(nameof(ServerOptions.Postgres))]),
                PostgresSchema = ServeSettings.Text(parse, postgres.Schema, configuration, nameof(ServerOptions.PostgresSchema)),
                RateLimitSource = ServeSettings.Source(parse, rate, configuration, nameof(ServerOptions.RateLimitPerSecond)),
                TrustedProxies = configuration[ServeSettings.Key(nameof(ServerOptions.TrustedProxies))],
                Settings = settings,
            };
            return await RunAsync(console, options, ct);
        });
        return command;
    }

    internal static async Task<int> RunAsync(CliConsole console, ServeOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Policy))
        {
            console.Error.WriteLine($"error: no policy file; give it with --policy FILE or the setting {ServeSettings.Key(nameof(ServerOptions.Policy))}");
            return ExitCodes.Unreadable;
        }

        if (!File.Exists(options.Policy))
        {
            console.Error.WriteLine($"error: the policy file '{options.Policy}' does not exist");
            return ExitCodes.Unreadable;
        }

        if (options.RateLimitPerSecond < 1)
        {
            console.Error.WriteLine($"error: {options.RateLimitSource} {options.RateLimitPerSecond} would refuse every request; give at least 1 request per second per API key (default 1000)");
            return ExitCodes.Unreadable;
        }

        if (TrustedProxies.Check(options.TrustedProxies) is { } proxyError)
        {
            console.Error.WriteLine($"error: {proxyError}");
            return ExitCodes.Unreadable;
        }

        if (BadAddress(options.Urls) is { } addressError)
        {
            console.Error.WriteLine($"error: {addressError}");
            return ExitCodes.Unreadable;
        }

        if (options.Postgres is not null && PostgresOptions.CheckSchema(options.PostgresSchema) is { } schemaError)
        {
            console.Error.WriteLine($"error: --postgres-schema: {schemaError}");
            return ExitCodes.Unreadable;
        }

        // The policy's errors (file:line:column, code and fix) are printed as 'policy check' prints them.
        var check = PolicyCheckCommand.Run(new CliConsole(console.Error, console.Error), [options.Policy], "text", strict: false);
        if (check != ExitCodes.Ok) return check;
        if (options.Postgres is not null && await PostgresOptions.CheckConnectionAsync(options.Postgres, cancellationToken) is { } connectionError)
        {
            console.Error.WriteLine($"error: {connectionError}");
            return ExitCodes.Unreadable;
        }

        if (TakenAddress(options.Urls) is { } taken)
        {
            console.Error.WriteLine($"error: {taken} is already in use (another server, or an earlier one still running); stop it or pass a free address with --urls");
            return ExitCodes.Unreadable;
        }

        if (CheckDataDirectory(options.Data, sqlite: options.Postgres is null) is { } dataError)
        {
            console.Error.WriteLine($"error: {dataError}");
            return ExitCodes.Unreadable;
        }

        // The values checked above are the ones the server runs with, whichever source gave them.
        await using var app = CustodianServer.CreateBuilder(["--urls", options.Urls, .. options.Settings], o =>
        {
            o.Policy = options.Policy;
            o.Data = options.Data;
            o.RateLimitPerSecond = options.RateLimitPerSecond;
            o.Postgres = options.Postgres;
            o.PostgresSchema = options.PostgresSchema;
            o.TrustedProxies = options.TrustedProxies;
        }).Build().MapCustodian();
        if (!await TryStartAsync(app, console, cancellationToken)) return ExitCodes.Unreadable;


        // The connection string can carry a password, so only the schema is named.
        var store = options.Postgres is null ? $"data: {Path.GetFullPath(options.Data)}" : $"PostgreSQL schema {options.PostgresSchema}; keys: {Path.GetFullPath(options.Data)}";
        console.Error.WriteLine($"Custodian is serving {Path.GetFileName(options.Policy)} at {string.Join(", ", app.Urls)} ({store}); Ctrl+C stops it.");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>Starts <paramref name="app"/>; false, said in one line, when its address is taken (another server, or an earlier one still running).</summary>
    internal static async Task<bool> TryStartAsync(WebApplication app, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
            return true;
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            console.Error.WriteLine($"error: {e.Message.TrimEnd('.')}; pass a free address with --urls");
            return false;
        }
        catch (MasterKeyException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// Null when every address of <paramref name="urls"/> (Kestrel's <c>;</c>-separated list) is one Kestrel can listen
    /// on, else the message naming the first that is not and how to write it: checked before anything is changed.
    /// </summary>
    internal static string? BadAddress(string urls)
    {
        var entries = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0) return "--urls is empty; give an address to listen on, such as http://127.0.0.1:5080";
        foreach (var url in entries)
        {
            if (url.Contains("://unix:", StringComparison.OrdinalIgnoreCase) || url.Contains("://pipe:", StringComparison.OrdinalIgnoreCase)) continue;
            var parsed = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
            {
                return $"--urls '{url}' is not an address to listen on; write http://HOST:PORT, such as http://127.0.0.1:5080 (a port from 1 to 65535, or 0 for any free one)";
            }
        }

        return null;
    }

    /// <summary>
    /// The first address of <paramref name="urls"/> (Kestrel's <c>;</c>-separated list) that something already listens
    /// on, or null: checked before anything is changed. Addresses that do not parse, and port 0, are left to Kestrel.
    /// </summary>
    internal static string? TakenAddress(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parsed = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsed, UriKind.Absolute, out var uri) || uri.Port <= 0) continue;
            var address = uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns ? IPAddress.Loopback
                : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip
                : null;
            if (address is null) continue;
            try
            {
                using var probe = new TcpListener(address, uri.Port);
                probe.Start();
                probe.Stop();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>
    /// Null when the data directory can be created and its master key read (or made, on a first start), else the message
    /// saying what is wrong: what a start would fail on first, said in one line. With <paramref name="sqlite"/> a
    /// <c>custodian.db</c> already there must be a SQLite database and keep its master key (never given a new one).
    /// </summary>
    private static string? CheckDataDirectory(string data, bool sqlite)
    {
        var path = Path.GetFullPath(data);
        if (File.Exists(path)) return $"the data directory '{path}' is a file, not a folder; pass the data directory (a folder, created if missing) with --data";
        try
        {
            if (sqlite && Directory.Exists(path) && StoreFile.Problem(path) is { } storeError) return storeError;
            Directory.CreateDirectory(path);
            // On PostgreSQL a key is made only once the schema is known to be new (the vault checks it against the store).
            if (!sqlite && !File.Exists(Path.Combine(path, MasterKeyProvider.KeyFileName)) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MasterKeyProvider.EnvironmentVariable))) return null;
            using var key = sqlite ? SqliteVaultFactory.LoadMasterKey(path) : new MasterKeyProvider().Load(path);
            return null;
        }
        catch (MasterKeyException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot use the data directory '{path}': {e.Message.TrimEnd('.')}; pass a writable folder with --data";
        }
    }
}

/// <summary>What <c>serve</c> runs with.</summary>
/// <param name="Policy">The policy file.</param>
/// <param name="Data">The data directory.</param>
/// <param name="Urls">Where to listen.</param>
/// <param name="RateLimitPerSecond">Per-key requests per second.</param>
internal sealed record ServeOptions(string Policy, string Data, string Urls, int RateLimitPerSecond)
{
    /// <summary>The PostgreSQL connection string, or null for the SQLite file in the data directory.</summary>
    public string? Postgres { get; init; }

    /// <summary>The PostgreSQL schema.</summary>
    public string PostgresSchema { get; init; } = "custodian";

    /// <summary>Where the rate limit came from, as messages name it: <c>--rate-limit</c> or <c>Custodian:RateLimitPerSecond</c>.</summary>
    public string RateLimitSource { get; init; } = "--rate-limit";

    /// <summary>The reverse proxies whose forwarded headers are believed (<c>Custodian:TrustedProxies</c>), or null for none.</summary>
    public string? TrustedProxies { get; init; }

    /// <summary>The <c>--Custodian:Key=value</c> arguments, passed on to the server's configuration.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];
}
