using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Custodian.Server.Auth;
using Custodian.Testing;

namespace Custodian.Postgres.Tests;

/// <summary>
/// Two real <c>custodian serve</c> processes on one PostgreSQL schema, sharing the master key and API keys but each with a
/// data directory of its own, as two servers behind a load balancer would. Each vault reuses a person's decoded state only while the store's state version
/// for them (kept by triggers in the writing transaction) is unchanged, so what one server records the other honours on
/// its next request, and the chain head lock keeps concurrent writers in one chain. Sign-in challenges and the session
/// key ring live in the store, so a person may ask for a code through one server, enter it through the other and keep
/// their session on both.
/// </summary>
public sealed class TwoServeProcessesTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Purpose = "marketing.communications.email";
    private const int WorkersPerServer = 4;
    private const int ChangesPerWorker = 25;

    private readonly SchemaFixture _schema = new("serve");
    private readonly string _data = Path.Combine(Path.GetTempPath(), "custodian-serve-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _secondData = Path.Combine(Path.GetTempPath(), "custodian-serve-" + Guid.NewGuid().ToString("N")[..12]);
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
        Directory.CreateDirectory(_secondData);
        var (_, token) = new ApiKeyStore(_data).Create("two-servers", ApiScope.Admin, []);
        File.Copy(Path.Combine(_data, ApiKeyStore.FileName), Path.Combine(_secondData, ApiKeyStore.FileName));
        var policy = Path.Combine(RepositoryPaths.Root(), "examples", "cekura", "policy.yaml");
        var connectionString = await _schema.ConnectionStringAsync();

        // One after the other: the first creates and migrates the schema, the second finds it current.
        _first = await ServeProcess.StartAsync(policy, _data, connectionString, _schema.Schema, _masterKey, token, Ct);
        _second = await ServeProcess.StartAsync(policy, _secondData, connectionString, _schema.Schema, _masterKey, token, Ct);
    }

    // xunit 2 disposes test classes through IAsyncLifetime only.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_first is not null) await _first.DisposeAsync();
        if (_second is not null) await _second.DisposeAsync();
        await _schema.DisposeAsync();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
        if (Directory.Exists(_secondData)) Directory.Delete(_secondData, recursive: true);
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

    [PostgresFact]
    public async Task A_code_asked_for_through_one_server_signs_in_through_the_other_and_its_session_cookie_is_accepted_by_both()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await CreateSubjectAsync(First, email);
        var cookies = new CookieContainer();
        using var toFirst = Browser(First, cookies);
        using var toSecond = Browser(Second, cookies);

        var challenge = await PrivacyCenterSignIn.StartAsync(toFirst, email);
        var code = await PrivacyCenterSignIn.WaitForCodeAsync(Outboxes, email, MailWait);
        using var signedIn = await PrivacyCenterSignIn.EnterCodeAsync(toSecond, challenge, code);
        using var onSecond = await toSecond.GetAsync(new Uri("/privacy/my-data", UriKind.Relative), Ct);
        using var onFirst = await toFirst.GetAsync(new Uri("/privacy/my-data", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/privacy/my-data", signedIn.Headers.Location!.OriginalString);
        Assert.Contains(cookies.GetCookies(new Uri(toSecond.BaseAddress!, "/privacy/my-data")).Cast<Cookie>(), c => c.Name == "custodian_person");
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
    }

    [PostgresFact]
    public async Task Wrong_codes_sent_to_both_servers_at_once_are_counted_together_and_close_the_challenge_after_five()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await CreateSubjectAsync(Second, email);
        var cookies = new CookieContainer();
        using var toFirst = Browser(First, cookies);
        using var toSecond = Browser(Second, cookies);
        var challenge = await PrivacyCenterSignIn.StartAsync(toSecond, email);
        var code = await PrivacyCenterSignIn.WaitForCodeAsync(Outboxes, email, MailWait);
        var wrong = PrivacyCenterSignIn.WrongCode(code);

        var pages = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            using var response = await PrivacyCenterSignIn.EnterCodeAsync(i % 2 == 0 ? toFirst : toSecond, challenge, wrong);
            return await response.Content.ReadAsStringAsync(Ct);
        })));
        using var right = await PrivacyCenterSignIn.EnterCodeAsync(toFirst, challenge, code);

        static bool Counted(string page) => page.Contains("attempts left.", StringComparison.Ordinal) || page.Contains("1 attempt left.", StringComparison.Ordinal);
        static bool Closed(string page) => page.Contains("Too many wrong codes.", StringComparison.Ordinal);
        static bool Gone(string page) => page.Contains("The code has expired or was already used.", StringComparison.Ordinal);
        var others = pages.Where(p => !Counted(p) && !Closed(p) && !Gone(p)).ToList();

        Assert.Equal(4, pages.Count(Counted));
        Assert.Equal(1, pages.Count(Closed));
        Assert.True(others.Count == 0, "Unexpected page: " + string.Join("\n---\n", others.Select(p => p.Length > 2000 ? p[..2000] : p)) + "\nServers:\n" + First.Output() + Second.Output());
        Assert.Equal(5, pages.Count(Gone));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("The code has expired or was already used.", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private string[] Outboxes => [Path.Combine(_data, "outbox"), Path.Combine(_secondData, "outbox")];

    private static TimeSpan MailWait => TimeSpan.FromSeconds(30);

    /// <summary>A client as a person's browser: no API key, cookies kept in <paramref name="cookies"/> (shared across ports of one host).</summary>
    private static HttpClient Browser(ServeProcess server, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress };

    private static async Task<string> CreateSubjectAsync(ServeProcess server, string? email = null)
    {
        using var response = await server.Client.PostAsJsonAsync(new Uri("/v1/subjects", UriKind.Relative), new { email = email ?? $"{Guid.NewGuid():N}@example.com" }, Ct);
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
