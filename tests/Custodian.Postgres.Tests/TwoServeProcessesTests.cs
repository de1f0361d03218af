using System.Net.Http.Json;
using System.Security.Cryptography;
using Custodian.Server.Auth;

namespace Custodian.Postgres.Tests;

/// <summary>
/// Two real <c>custodian serve</c> processes on one PostgreSQL schema, sharing the master key and API keys, as two
/// servers behind a load balancer would. Each vault reuses a person's decoded state only while the store's state version
/// for them (kept by triggers in the writing transaction) is unchanged, so what one server records the other honours on
/// its next request, and the chain head lock keeps concurrent writers in one chain.
/// </summary>
public sealed class TwoServeProcessesTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Purpose = "marketing.communications.email";
    private const int WorkersPerServer = 4;
    private const int ChangesPerWorker = 25;

    private readonly SchemaFixture _schema = new("serve");
    private readonly string _data = Path.Combine(Path.GetTempPath(), "custodian-serve-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private ServeProcess? _first;
    private ServeProcess? _second;

    private static CancellationToken Ct => CancellationToken.None;

    private ServeProcess First => _first ?? throw new InvalidOperationException("Not started.");

    private ServeProcess Second => _second ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        if (PostgresAvailability.SkipReason is not null)
        {
            return;
        }

        Directory.CreateDirectory(_data);
        var (_, token) = new ApiKeyStore(_data).Create("two-servers", ApiScope.Admin, []);
        var policy = Path.Combine(RepositoryPaths.Root(), "examples", "cekura", "policy.yaml");
        var connectionString = await _schema.ConnectionStringAsync();

        // One after the other: the first creates and migrates the schema, the second finds it current.
        _first = await ServeProcess.StartAsync(policy, _data, connectionString, _schema.Schema, _masterKey, token, Ct);
        _second = await ServeProcess.StartAsync(policy, _data, connectionString, _schema.Schema, _masterKey, token, Ct);
    }

    // xunit 2 disposes test classes through IAsyncLifetime only.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_first is not null) await _first.DisposeAsync();
        if (_second is not null) await _second.DisposeAsync();
        await _schema.DisposeAsync();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [PostgresFact]
    public async Task A_consent_withdrawn_through_one_server_is_honoured_by_the_other_on_its_next_request()
    {
        var id = await CreateSubjectAsync(First);

        for (var round = 0; round < 5; round++)
        {
            var (writer, reader) = round % 2 == 0 ? (First, Second) : (Second, First);
            await RecordConsentAsync(writer, id, given: true);
            var allowed = await DecideAsync(reader, id);
            await RecordConsentAsync(reader, id, given: false);
            var refused = await DecideAsync(writer, id);

            Assert.True(allowed.Allowed, $"round {round}: consent given through one server was not seen by the other");
            Assert.False(refused.Allowed, $"round {round}: consent withdrawn through one server was not honoured by the other");
            Assert.Contains("consent_withdrawn", refused.Reasons);
        }
    }

    [PostgresFact]
    public async Task Concurrent_writes_to_one_person_through_both_servers_lose_no_update_and_keep_one_chain()
    {
        var id = await CreateSubjectAsync(First);
        var workers = Enumerable.Range(0, 2 * WorkersPerServer).Select(w => Task.Run(async () =>
        {
            var server = w % 2 == 0 ? First : Second;
            var receipts = new List<string>();
            for (var i = 0; i < ChangesPerWorker; i++)
            {
                receipts.Add((await RecordConsentAsync(server, id, given: (w + i) % 2 == 0)).ConsentId);
            }

            return receipts;
        }));
        var written = (await Task.WhenAll(workers)).SelectMany(r => r).ToList();

        var ledger = (await Second.Client.GetFromJsonAsync<List<Receipt>>(new Uri($"/v1/subjects/{id}/consents", UriKind.Relative), Ct))!;
        var decision = await DecideAsync(First, id);
        var apiVerdict = (await First.Client.GetFromJsonAsync<Verdict>(new Uri("/v1/audit/verify", UriKind.Relative), Ct))!;
        var (exitCode, output) = await ServeProcess.RunCliAsync(
            ["audit", "verify", "--data", _data, "--postgres", await _schema.ConnectionStringAsync(), "--postgres-schema", _schema.Schema], _masterKey, Ct);

        Assert.Equal(2 * WorkersPerServer * ChangesPerWorker, written.Distinct().Count());
        Assert.Equal(written.Order(StringComparer.Ordinal), ledger.Select(c => c.ConsentId).Order(StringComparer.Ordinal));
        Assert.Equal(ledger[^1].Given, decision.Allowed);
        Assert.True(apiVerdict.IsValid, apiVerdict.Message);
        Assert.True(apiVerdict.EntriesVerified > written.Count, $"{apiVerdict.EntriesVerified} audit entries for {written.Count} consent changes");
        Assert.True(exitCode == 0, output);
        Assert.Contains("audit chain valid", output, StringComparison.Ordinal);
    }

    private static async Task<string> CreateSubjectAsync(ServeProcess server)
    {
        using var response = await server.Client.PostAsJsonAsync(new Uri("/v1/subjects", UriKind.Relative), new { email = $"{Guid.NewGuid():N}@example.com" }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>(Ct))!.Id;
    }

    private static async Task<Receipt> RecordConsentAsync(ServeProcess server, string id, bool given)
    {
        using var response = await server.Client.PostAsJsonAsync(new Uri($"/v1/subjects/{id}/consents", UriKind.Relative), new { purpose = Purpose, given }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<Receipt>(Ct))!;
    }

    private static async Task<Answer> DecideAsync(ServeProcess server, string id)
    {
        using var response = await server.Client.PostAsJsonAsync(
            new Uri($"/v1/subjects/{id}/decisions", UriKind.Relative),
            new { questions = new[] { new { category = "user.contact.email", purpose = Purpose } } },
            Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return Assert.Single((await response.Content.ReadFromJsonAsync<List<Answer>>(Ct))!);
    }

    private sealed record Created(string Id);

    private sealed record Receipt(string ConsentId, bool Given);

    private sealed record Answer(bool Allowed, IReadOnlyList<string> Reasons);

    private sealed record Verdict(bool IsValid, long EntriesVerified, string Message);
}
