using System.Net;
using Custodian.Server.Auth;
using Custodian.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Custodian.Server.Tests;

/// <summary>A form posted to the privacy center that names no handler, an unknown one, or lacks a field it needs is a 400 page, not a server error.</summary>
public sealed class UiFormTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Email = "ulla.forms@example.dk";
    private readonly CustodianFactory _server = new(RepoPaths.Cekura);
    private readonly CookieContainer _cookies = new();
    private HttpClient? _browser;

    private HttpClient Browser => _browser ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await _server.Client(_server.CreateKey(ApiScope.Admin)).CreateSubjectAsync(new(Email: Email));
        _browser = _server.CreateDefaultClient(new CookieContainerHandler(_cookies));
        var challenge = await PrivacyCenterSignIn.StartAsync(Browser, Email);
        var code = await PrivacyCenterSignIn.WaitForCodeAsync([Path.Combine(_server.DataDirectory, "outbox")], Email, TimeSpan.FromSeconds(20));
        using var signedIn = await PrivacyCenterSignIn.EnterCodeAsync(Browser, challenge, code);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        _browser?.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("/privacy/choices")]
    [InlineData("/privacy/choices?handler=nosuch")]
    [InlineData("/privacy/choices?handler=consent")]
    [InlineData("/privacy/choices?handler=lift")]
    [InlineData("/privacy/choices?handler=object")]
    [InlineData("/privacy/my-data")]
    public async Task A_form_without_a_handler_or_a_field_it_needs_is_a_400_page(string path)
    {
        var token = await PrivacyCenterSignIn.FormTokenAsync(Browser);
        using var form = new FormUrlEncodedContent([new("__csrf", token)]);

        using var response = await Browser.PostAsync(new Uri(path, UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_same_form_with_its_field_still_works()
    {
        var token = await PrivacyCenterSignIn.FormTokenAsync(Browser);
        using var form = new FormUrlEncodedContent([new("__csrf", token), new("key", "marketing.communications.email"), new("given", "true")]);

        using var response = await Browser.PostAsync(new Uri("/privacy/choices?handler=consent", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
