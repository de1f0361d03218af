using System.Net;
using Custodian.Server.Auth;
using Custodian.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Custodian.Server.Tests;

/// <summary>
/// Two servers on one store (two in-memory hosts on one data directory), as behind a load balancer: a sign-in begun on one
/// is finished on the other, a code asked for on one voids an earlier one asked for on the other, wrong codes count together, and a session cookie from one is accepted by the other.
/// </summary>
public sealed class SignInAcrossServersTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Email = "signe.across@example.dk";
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);
    private readonly CustodianFactory _first = new(RepoPaths.Cekura);
    private readonly CookieContainer _cookies = new();
    private CustodianFactory? _second;
    private HttpClient? _toFirst;
    private HttpClient? _toSecond;

    private CustodianFactory Second => _second ?? throw new InvalidOperationException("Not started.");

    private HttpClient ToFirst => _toFirst ?? throw new InvalidOperationException("Not started.");

    private HttpClient ToSecond => _toSecond ?? throw new InvalidOperationException("Not started.");

    private string[] Outbox => [Path.Combine(_first.DataDirectory, "outbox")];

    public async Task InitializeAsync()
    {
        // The first server creates the store and the master key file; the second opens them.
        await _first.Client(_first.CreateKey(ApiScope.Admin)).CreateSubjectAsync(new(Email: Email));
        _second = new CustodianFactory(RepoPaths.Cekura, dataDirectory: _first.DataDirectory);
        _toFirst = _first.CreateDefaultClient(new CookieContainerHandler(_cookies));
        _toSecond = _second.CreateDefaultClient(new CookieContainerHandler(_cookies));
    }

    // xunit 2 disposes test classes through IAsyncLifetime only.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        _toFirst?.Dispose();
        _toSecond?.Dispose();
        if (_second is not null) await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task A_code_asked_for_through_one_server_signs_in_through_the_other_and_the_session_works_on_both()
    {
        var challenge = await PrivacyCenterSignIn.StartAsync(ToFirst, Email);
        var code = await PrivacyCenterSignIn.WaitForCodeAsync(Outbox, Email, MailWait);

        using var signedIn = await PrivacyCenterSignIn.EnterCodeAsync(ToSecond, challenge, code);
        using var onFirst = await ToFirst.GetAsync(new Uri("/privacy/my-data", UriKind.Relative));
        using var onSecond = await ToSecond.GetAsync(new Uri("/privacy/my-data", UriKind.Relative));
        using var usedAgain = await PrivacyCenterSignIn.EnterCodeAsync(ToFirst, challenge, code);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/privacy/my-data", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, usedAgain.StatusCode);
        Assert.Contains("The code has expired or was already used.", await usedAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_codes_entered_through_both_servers_count_together_and_the_fifth_closes_the_challenge_on_both()
    {
        var challenge = await PrivacyCenterSignIn.StartAsync(ToSecond, Email);
        var code = await PrivacyCenterSignIn.WaitForCodeAsync(Outbox, Email, MailWait);
        var wrong = PrivacyCenterSignIn.WrongCode(code);

        var pages = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await PrivacyCenterSignIn.EnterCodeAsync(attempt % 2 == 0 ? ToFirst : ToSecond, challenge, wrong);
            pages.Add(await response.Content.ReadAsStringAsync());
        }

        using var right = await PrivacyCenterSignIn.EnterCodeAsync(ToFirst, challenge, code);
        using var myData = await ToSecond.GetAsync(new Uri("/privacy/my-data", UriKind.Relative));

        Assert.Contains("You have 4 attempts left.", pages[0], StringComparison.Ordinal);
        Assert.Contains("You have 3 attempts left.", pages[1], StringComparison.Ordinal);
        Assert.Contains("You have 2 attempts left.", pages[2], StringComparison.Ordinal);
        Assert.Contains("You have 1 attempt left.", pages[3], StringComparison.Ordinal);
        Assert.Contains("Too many wrong codes.", pages[4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("The code has expired or was already used.", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, myData.StatusCode);
        Assert.Contains("/privacy/sign-in", myData.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_code_asked_for_through_the_other_server_voids_the_first_and_only_the_second_signs_in()
    {
        var firstChallenge = await PrivacyCenterSignIn.StartAsync(ToFirst, Email);
        var firstCode = await PrivacyCenterSignIn.WaitForCodeAsync(Outbox, Email, MailWait);
        var seen = PrivacyCenterSignIn.Snapshot(Outbox[0]);
        var secondChallenge = await PrivacyCenterSignIn.StartAsync(ToSecond, Email);
        var secondCode = await PrivacyCenterSignIn.WaitForCodeAsync(Outbox, Email, MailWait, seen);

        using var first = await PrivacyCenterSignIn.EnterCodeAsync(ToSecond, firstChallenge, firstCode);
        using var notSignedIn = await ToFirst.GetAsync(new Uri("/privacy/my-data", UriKind.Relative));
        using var second = await PrivacyCenterSignIn.EnterCodeAsync(ToFirst, secondChallenge, secondCode);

        Assert.NotEqual(firstChallenge, secondChallenge);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("The code has expired or was already used.", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, notSignedIn.StatusCode);
        Assert.Contains("/privacy/sign-in", notSignedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/privacy/my-data", second.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_session_key_ring_is_kept_in_the_store_with_its_secrets_sealed_and_not_in_the_data_directory()
    {
        await PrivacyCenterSignIn.StartAsync(ToFirst, "nobody.at.all@example.dk");

        var elements = await _first.Runtime.Vault.Store.GetUiKeyElementsAsync(CancellationToken.None);
        var seenBySecond = await Second.Runtime.Vault.Store.GetUiKeyElementsAsync(CancellationToken.None);

        Assert.NotEmpty(elements);
        Assert.Equal(elements, seenBySecond);
        Assert.All(elements, e => Assert.Contains("urn:custodian:ui-key-ring", e.Xml, StringComparison.Ordinal));
        Assert.All(elements, e => Assert.DoesNotContain("<value>", e.Xml, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_first.DataDirectory, "ui-keys")));
    }
}
