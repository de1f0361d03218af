using Custodian.Policy;
using Custodian.Scenarios;
using Custodian.Server;
using Custodian.Server.Auth;
using Custodian.Server.Demo;
using Custodian.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Browser.Tests;

/// <summary>
/// The real server, in process, on a free loopback port, over a temporary data directory holding the CEKURA example
/// policy and the demo's people (a year of history included), with an admin API key. Shared by the browser tests.
/// </summary>
public sealed class CustodianSite : IAsyncLifetime
{
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("custodian-browser-").FullName;

    public string AdminKey { get; private set; } = "";

    public IReadOnlyList<string> People { get; private set; } = [];

    public CustodianRuntime Runtime => _app!.Services.GetRequiredService<CustodianRuntime>();

    public IServiceProvider Services => _app!.Services;

    public string Outbox => Path.Combine(DataDirectory, "outbox");

    public async Task InitializeAsync()
    {
        var policyPath = Path.Combine(DataDirectory, "policy.yaml");
        File.Copy(RepositoryRoot.Combine("examples", "cekura", "policy.yaml"), policyPath);
        var now = DateTimeOffset.UtcNow;
        var clock = new VirtualClock(now - DemoSeed.History);
        await using (var open = await SqliteVaultFactory.OpenAsync(DataDirectory, PolicyCompiler.CompileFile(policyPath), clock, CancellationToken.None))
        {
            People = await DemoSeed.SeedAsync(open.Vault, clock, now, TextWriter.Null, CancellationToken.None);
        }

        (_, AdminKey) = new ApiKeyStore(DataDirectory).Create("browser tests", ApiScope.Admin, []);
        _app = CustodianServer.CreateBuilder(["--urls", "http://127.0.0.1:0"], o =>
        {
            o.Policy = policyPath;
            o.Data = DataDirectory;
            o.PublicRequestsPerMinute = 600;
        }).Build().MapCustodian();
        await _app.StartAsync();
        Url = _app.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(DataDirectory, recursive: true);
    }
}
