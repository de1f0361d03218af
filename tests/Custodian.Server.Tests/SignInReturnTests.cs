using System.Net;
using Custodian.Server.Auth;
using Custodian.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Custodian.Server.Tests;

/// <summary>A person sent to sign in from a privacy center page comes back to that page; an address elsewhere is never followed.</summary>
public sealed class SignInReturnTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Email = "rita.return@example.dk";
    private readonly CustodianFactory _server = new(RepoPaths.Cekura);

    public async Task InitializeAsync() => await _server.Client(_server.CreateKey(ApiScope.Admin)).CreateSubjectAsync(new(Email: Email));

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/privacy/choices", "/privacy/choices")]
    [InlineData("/privacy/requests?lang=da", "/privacy/requests?lang=da")]
    [InlineData("https://evil.example/privacy", "/privacy/my-data")]
    [InlineData("//evil.example/privacy", "/privacy/my-data")]
    [InlineData("/privacy/../admin", "/privacy/my-data")]
    [InlineData("/privacy/sign-out", "/privacy/my-data")]
    [InlineData("/admin", "/privacy/my-data")]
    public async Task After_the_code_the_person_lands_on_the_privacy_center_page_they_came_from(string returnUrl, string expected)
    {
        using var browser = _server.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));
        var token = await PrivacyCenterSignIn.FormTokenAsync(browser);
        var seen = PrivacyCenterSignIn.Snapshot(Outbox);

        using var form = new FormUrlEncodedContent([new("email", Email), new("ReturnUrl", returnUrl), new("__csrf", token)]);
        using var started = await browser.PostAsync(new Uri("/privacy/sign-in", UriKind.Relative), form);
        var codePage = started.Headers.Location!.OriginalString;
        var challenge = Uri.UnescapeDataString(codePage.Split("challenge=")[1].Split('&')[0]);
        var code = await PrivacyCenterSignIn.WaitForCodeAsync([Outbox], Email, TimeSpan.FromSeconds(20), seen);
        using var signedIn = await PrivacyCenterSignIn.EnterCodeAsync(browser, challenge, code, codePage);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(expected, signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_signed_out_visit_to_a_page_carries_it_to_the_sign_in_form()
    {
        using var browser = _server.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));

        using var visit = await browser.GetAsync(new Uri("/privacy/choices", UriKind.Relative));
        var signIn = visit.Headers.Location!.OriginalString;
        var page = await browser.GetStringAsync(new Uri(signIn, UriKind.Relative));

        Assert.StartsWith("/privacy/sign-in?ReturnUrl=", signIn, StringComparison.Ordinal);
        Assert.Contains("name=\"ReturnUrl\" value=\"/privacy/choices\"", page, StringComparison.Ordinal);
    }

    private string Outbox => Path.Combine(_server.DataDirectory, "outbox");
}
