using System.Net;
using System.Security.Cryptography;
using Custodian.Server.Auth;
using Custodian.Server.Ui.Center;
using Custodian.Storage;
using Custodian.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Custodian.Server.Tests;

/// <summary>
/// When a flood has filled the pending sign-ins, the sign-in page says so in the person's language with 503 and
/// Retry-After, the same for every address, and sends and stores nothing, instead of failing with a 500.
/// </summary>
public sealed class SignInBusyTests : IAsyncDisposable
{
    private const string Email = "berit.busy@example.dk";
    private readonly CustodianFactory _server = new(RepoPaths.Cekura);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_sign_in_past_the_pending_limit_is_told_to_come_back_and_nothing_is_sent()
    {
        await _server.Client(_server.CreateKey(ApiScope.Admin)).CreateSubjectAsync(new(Email: Email));
        var store = _server.Runtime.Vault.Store;
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);
        await using (var flood = await store.BeginAsync(CancellationToken.None))
        {
            for (var i = 0; i < SignInCodes.MaxChallenges; i++)
                await flood.AddSignInChallengeAsync(new StoredSignInChallenge($"chl_flood_{i}", null, RandomNumberGenerator.GetBytes(32), null, expires, 0), CancellationToken.None);
            await flood.CommitAsync(CancellationToken.None);
        }

        var outbox = Path.Combine(_server.DataDirectory, "outbox");
        var before = PrivacyCenterSignIn.Snapshot(outbox);
        using var browser = _server.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));
        var token = await PrivacyCenterSignIn.FormTokenAsync(browser);
        using var known = await browser.PostAsync(new Uri("/privacy/sign-in?lang=da", UriKind.Relative), PrivacyCenterSignIn.Form(("email", Email), ("__csrf", token)));
        using var unknown = await browser.PostAsync(new Uri("/privacy/sign-in?lang=da", UriKind.Relative), PrivacyCenterSignIn.Form(("email", "ingen@example.dk"), ("__csrf", token)));
        var page = await known.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, known.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), known.Headers.RetryAfter?.Delta);
        Assert.Contains("prøv igen om nogle minutter", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("prøv igen om nogle minutter", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Equal(before, PrivacyCenterSignIn.Snapshot(outbox));
        Assert.Equal(SignInCodes.MaxChallenges, await store.CountSignInChallengesAsync(DateTimeOffset.UtcNow, CancellationToken.None));
    }
}
