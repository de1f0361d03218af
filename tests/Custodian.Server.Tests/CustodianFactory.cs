using Custodian.Client;
using Custodian.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Custodian.Server.Tests;

/// <summary>
/// The server hosted in memory on a real SQLite data directory in a temp folder, enforcing a real example policy. Given
/// another factory's data directory it is a second server on the same store, and leaves the directory to its owner.
/// </summary>
public sealed class CustodianFactory(string policyPath, int rateLimitPerSecond = 1_000_000, string? dataDirectory = null) : WebApplicationFactory<TestHost.Program>
{
    public string DataDirectory { get; } = dataDirectory ?? Directory.CreateTempSubdirectory("custodian-api-").FullName;

    /// <summary>What the server has logged so far.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The clock the server runs on instead of the system's, when a test moves time (a <c>VirtualClock</c>).</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>More <c>Custodian:…</c> settings (key without the section, value), as the environment would give them.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The client address every request seems to come from (a reverse proxy's, say); the test server's own when null.</summary>
    public System.Net.IPAddress? RemoteAddress { get; init; }

    /// <summary>The server's runtime: vault, policy and the same key store the server authenticates against.</summary>
    internal CustodianRuntime Runtime => Services.GetRequiredService<CustodianRuntime>();

    /// <summary>Creates a key in the running server's key store (visible at once) and returns its token.</summary>
    public string CreateKey(ApiScope scope, params string[] purposes) => Runtime.Keys.Create($"test {scope}", scope, purposes).Token;

    /// <summary>A typed client authenticating with <paramref name="token"/>.</summary>
    public CustodianClient Client(string token) => new(CreateClient(), token);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Custodian:Policy", policyPath);
        builder.UseSetting("Custodian:Data", DataDirectory);
        builder.UseSetting("Custodian:RateLimitPerSecond", rateLimitPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("TestHost:FailingEndpoint", "true");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in Settings) builder.UseSetting("Custodian:" + key, value);
        if (Clock is not null) builder.ConfigureServices(services => services.AddSingleton(Clock));
        if (RemoteAddress is { } remote) builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(remote)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (dataDirectory is not null) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    /// <summary>Sets the connection's remote address before anything else runs, as a real connection from there would.</summary>
    private sealed class RemoteAddressFilter(System.Net.IPAddress remote) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, proceed) =>
            {
                context.Connection.RemoteIpAddress = remote;
                return proceed(context);
            });
            next(app);
        };
    }
}
