using System.Net.Http.Headers;
using Custodian.Notifications;
using Custodian.Policy;
using Custodian.Scenarios;
using Custodian.Server;
using Custodian.Server.Auth;
using Custodian.Vault;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Acceptance.Tests.Requests;

/// <summary>The real server on a loopback port over a temporary data directory (iSocket policy, virtual clock), with an admin and two service keys and one person.</summary>
public sealed class RequestServer : IAsyncLifetime
{
    public const string Email = "aino.virtanen@example.fi";

    private WebApplication? _app;

    public string Data { get; } = Path.Combine(Path.GetTempPath(), "custodian-api-" + Guid.NewGuid().ToString("N"));

    public VirtualClock Clock { get; } = new(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.Zero));

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient App { get; private set; } = null!;

    public HttpClient OtherApp { get; private set; } = null!;

    public string AppKeyId { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public CustodianRuntime Runtime => _app!.Services.GetRequiredService<CustodianRuntime>();

    public async Task InitializeAsync()
    {
        var keys = new ApiKeyStore(Data);
        var admin = keys.Create("desk", ApiScope.Admin, []);
        var app = keys.Create("app", ApiScope.Service, ["essential.service"], vouches: true);
        var other = keys.Create("other-app", ApiScope.Service, ["essential.service"]);
        AppKeyId = app.Key.Id;
        var builder = CustodianServer.CreateBuilder(["--urls", "http://127.0.0.1:0"], o =>
        {
            o.Policy = RepositoryRoot.Combine("examples", "isocket", "policy.yaml");
            o.Data = Data;
            o.OutboxIntervalSeconds = 3600;
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        _app = builder.Build().MapCustodian();
        await _app.StartAsync();
        var url = _app.Urls.First();
        Admin = Client(url, admin.Token);
        App = Client(url, app.Token);
        OtherApp = Client(url, other.Token);
        var vault = Runtime.Vault;
        Subject = await vault.CreateSubjectAsync(new NewSubject(Email, null, null, null), "test", CancellationToken.None);
        await vault.RecordRelationshipAsync(Subject, "account", "opened", "test", CancellationToken.None);
        await vault.CollectAsync(Subject, "essential.service", [new CollectValue("user.name", "Aino Virtanen"), new CollectValue("user.contact.email", Email)], "test", CancellationToken.None);
    }

    /// <summary>Sends what is due to <c>.eml</c> files in DATA/outbox (as the background worker does) and returns every file's decoded body.</summary>
    public async Task<IReadOnlyList<string>> MailBodiesAsync()
    {
        var outbox = Path.Combine(Data, "outbox");
        await new OutboxDispatcher(Runtime.Vault.Store, Runtime.Requests.Outbox, new EmlFileTransport(outbox, Clock), "privacy@example.fi", Clock).DispatchDueAsync(CancellationToken.None);
        var bodies = new List<string>();
        foreach (var file in Directory.GetFiles(outbox, "*.eml"))
        {
            var text = await File.ReadAllTextAsync(file);
            var body = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Replace("\r\n", "", StringComparison.Ordinal);
            bodies.Add(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body)));
        }

        return bodies;
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        App.Dispose();
        OtherApp.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static HttpClient Client(string url, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
