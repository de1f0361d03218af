using System.Net;
using Custodian.Server.Auth;
using Custodian.Server.Problems;
using Custodian.Server.Ui.Center;
using Custodian.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Custodian.Server.Tests;

/// <summary>
/// One-time codes allow five attempts each, so the number of codes one address is sent is bounded too: otherwise asking for
/// code after code would let anyone guess on until one fits.
/// </summary>
public sealed class CodeMailLimitTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Email = "gunnar.guess@example.dk";
    private readonly CustodianFactory _server = new(RepoPaths.Cekura);
    private string _subject = "";

    public async Task InitializeAsync() => _subject = await _server.Client(_server.CreateKey(ApiScope.Admin)).CreateSubjectAsync(new(Email: Email));

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private string Outbox => Path.Combine(_server.DataDirectory, "outbox");

    [Fact]
    public async Task Past_five_sign_in_codes_in_an_hour_no_code_is_sent_the_answer_is_unchanged_and_the_last_code_still_works()
    {
        using var browser = _server.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));
        var seen = PrivacyCenterSignIn.Snapshot(Outbox);
        var (challenge, code) = ("", "");
        for (var i = 0; i < CodeMailLimit.MaxCodes; i++)
        {
            challenge = await PrivacyCenterSignIn.StartAsync(browser, Email);
            code = await PrivacyCenterSignIn.WaitForCodeAsync([Outbox], Email, TimeSpan.FromSeconds(20), seen);
        }

        var refused = await PrivacyCenterSignIn.StartAsync(browser, Email);
        using var wrongChallenge = await PrivacyCenterSignIn.EnterCodeAsync(browser, refused, code);
        using var signedIn = await PrivacyCenterSignIn.EnterCodeAsync(browser, challenge, code);
        var audit = await _server.Runtime.Vault.Store.ReadAuditAsync(0, int.MaxValue, CancellationToken.None);
        var starts = audit.Where(e => e.Action == "signin.start" && e.SubjectId == _subject).ToList();

        Assert.NotEqual(challenge, refused);
        Assert.Equal(HttpStatusCode.OK, wrongChallenge.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(CodeMailLimit.MaxCodes + 1, starts.Count);
        Assert.Equal([SignInCodes.TooManyCodes], starts[^1].ReasonCodes);
        Assert.Equal(CodeMailLimit.MaxCodes, Directory.GetFiles(Outbox, "*.eml").Count(f => File.ReadAllText(f).Contains("To: " + Email + "\r\n", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Email)]
    [InlineData("no.one.here@example.dk")]
    public async Task Past_five_requests_by_email_in_an_hour_the_next_is_refused_alike_whether_or_not_the_address_is_anyone_s(string email)
    {
        var service = _server.CreateKey(ApiScope.Service, "essential.service");
        var http = _server.CreateClient();
        var body = $$"""{"kind": "access", "email": "{{email}}"}""";
        for (var i = 0; i < CodeMailLimit.MaxCodes; i++)
        {
            using var filed = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/requests", service, i % 2 == 0 ? body : body.Replace(email, email.ToUpperInvariant(), StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }

        using var refused = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/requests", service, body);
        var problem = await RawApi.ProblemAsync(refused, HttpStatusCode.TooManyRequests, ApiErrorCodes.RateLimited);
        using var listed = await RawApi.SendAsync(http, HttpMethod.Get, "/v1/requests?kind=access", _server.CreateKey(ApiScope.Admin));

        Assert.Equal("/email", problem.GetProperty("pointer").GetString());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.DoesNotContain(email, problem.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CodeMailLimit.MaxCodes, System.Text.Json.JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetArrayLength());
    }
}
