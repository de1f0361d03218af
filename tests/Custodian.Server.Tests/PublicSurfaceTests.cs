using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Custodian.Server.Auth;
using Custodian.Server.Ui.Banner;
using Custodian.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Custodian.Server.Tests;

/// <summary>
/// The public, unauthenticated surfaces as a careless or hostile client meets them: the pages' error answers, the sign-in
/// forms with input no person would send, the cookie banner's endpoint, and what the server writes to its log meanwhile.
/// </summary>
public sealed partial class PublicSurfaceTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Email = "vera.public@example.dk";
    private readonly CustodianFactory _server = new(RepoPaths.Cekura);

    public async Task InitializeAsync() => await _server.Client(_server.CreateKey(ApiScope.Admin)).CreateSubjectAsync(new(Email: Email));

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Browser(CookieContainer? cookies = null) =>
        _server.CreateDefaultClient(new CookieContainerHandler(cookies ?? new CookieContainer()));

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/admin\r\nSet-Cookie: planted=1")]
    [InlineData("/admin/people\u0001")]
    [InlineData("/admin/people/ø")]
    [InlineData("/admin\\\\evil.example")]
    [InlineData("/admin/../privacy")]
    [InlineData("/admin//evil.example")]
    [InlineData("/administrator")]
    public async Task An_administrator_signing_in_with_a_return_address_outside_the_console_or_not_sendable_lands_on_the_console(string returnUrl)
    {
        using var browser = Browser();

        using var response = await SignInAdminAsync(browser, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(v => v.StartsWith("planted", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_return_address_inside_the_console_is_kept()
    {
        using var browser = Browser();

        using var response = await SignInAdminAsync(browser, "/admin/people?lang=en");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/people?lang=en", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/privacy/my-data", "/privacy/sign-in")]
    [InlineData("/privacy/choices", "/privacy/sign-in")]
    [InlineData("/admin", "/admin/sign-in")]
    public async Task A_page_that_needs_a_session_sends_a_signed_out_visitor_to_sign_in_by_path_whatever_host_they_name(string path, string signIn)
    {
        using var browser = Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(signIn + "?", location, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_out_visitor_cannot_change_a_choice_even_with_a_valid_form_token()
    {
        using var browser = Browser();
        var token = await PrivacyCenterSignIn.FormTokenAsync(browser);
        using var form = new FormUrlEncodedContent([new("__csrf", token), new("key", "marketing.communications.email"), new("given", "true")]);

        using var response = await browser.PostAsync(new Uri("/privacy/choices?handler=consent", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/privacy/sign-in?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/privacy")]
    [InlineData("DELETE", "/privacy/sign-in")]
    [InlineData("PATCH", "/privacy/sign-in/code")]
    [InlineData("OPTIONS", "/privacy/statement")]
    [InlineData("PUT", "/admin/sign-in")]
    public async Task A_page_asked_with_a_method_it_does_not_answer_is_a_405_page_naming_the_methods(string method, string path)
    {
        using var browser = Browser();
        using var request = new HttpRequestMessage(new HttpMethod(method), path + "?lang=en");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>This page cannot do that</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("GET", "/privacy/nowhere?lang=da", HttpStatusCode.NotFound, "Siden findes ikke")]
    [InlineData("POST", "/privacy/sign-in?lang=da", HttpStatusCode.BadRequest, "Formularen kunne ikke sendes")]
    [InlineData("DELETE", "/privacy?lang=da", HttpStatusCode.MethodNotAllowed, "Siden kan ikke det")]
    [InlineData("GET", "/admin/nowhere?lang=en", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("GET", "/privacy/test/failure?lang=en", HttpStatusCode.InternalServerError, "Something went wrong on our side")]
    public async Task Status_pages_carry_the_security_headers_no_dotnet_names_and_danish_letters_as_themselves(string method, string path, HttpStatusCode status, string title)
    {
        using var browser = Browser();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = new FormUrlEncodedContent([new("email", Email)]);

        using var response = await browser.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.Contains("<h1>" + title + "</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(DotNetName(), html);
    }

    [Fact]
    public async Task Showing_pages_with_forms_logs_no_warning()
    {
        using var browser = Browser();
        foreach (var path in (string[])["/privacy/sign-in", "/privacy/sign-in/code?challenge=nothing", "/admin/sign-in", "/privacy?lang=en"])
        {
            using var page = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.True(page.Headers.CacheControl!.NoStore);
        }

        Assert.DoesNotContain(_server.Logs.Lines, l => l.Level >= LogLevel.Warning && l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(255)]
    [InlineData(100_000)]
    public async Task An_address_longer_than_any_address_is_refused_on_the_form_and_not_written_back(int length)
    {
        using var browser = Browser();
        var token = await PrivacyCenterSignIn.FormTokenAsync(browser);
        var address = new string('a', length - "@example.dk".Length) + "@example.dk";
        using var form = new FormUrlEncodedContent([new("__csrf", token), new("email", address)]);

        using var response = await browser.PostAsync(new Uri("/privacy/sign-in?lang=en", UriKind.Relative), form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaaaaaaaa", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_codes_close_the_challenge_even_when_the_language_changes_between_attempts()
    {
        using var browser = Browser();
        var challenge = await PrivacyCenterSignIn.StartAsync(browser, Email);
        var code = await PrivacyCenterSignIn.WaitForCodeAsync([Path.Combine(_server.DataDirectory, "outbox")], Email, TimeSpan.FromSeconds(20));

        for (var i = 0; i < 5; i++)
        {
            var token = await PrivacyCenterSignIn.FormTokenAsync(browser);
            using var form = new FormUrlEncodedContent([new("__csrf", token), new("challenge", challenge), new("code", PrivacyCenterSignIn.WrongCode(code))]);
            using var wrong = await browser.PostAsync(new Uri($"/privacy/sign-in/code?lang={(i % 2 == 0 ? "en" : "da")}&challenge={challenge}", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await PrivacyCenterSignIn.EnterCodeAsync(browser, challenge, code);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Null(right.Headers.Location);
        var logs = string.Join('\n', _server.Logs.Lines.Select(l => l.Text));
        Assert.DoesNotContain(Email, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(code, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_cookie_category_that_is_long_is_quoted_back_shortened()
    {
        using var client = _server.CreateClient();
        var key = new string('x', 10_000);

        using var response = await client.PostAsync(new Uri("/consent/cookies", UriKind.Relative), Json(new { choices = new Dictionary<string, bool> { [key] = true } }));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(text.Length < 1_000, $"The problem is {text.Length} characters long.");
        using var problem = JsonDocument.Parse(text);
        Assert.Equal("invalid_field", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("/choices", problem.RootElement.GetProperty("pointer").GetString());
        Assert.Contains("(10000 characters)", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pointer_to_an_unknown_cookie_category_escapes_slash_and_tilde()
    {
        using var client = _server.CreateClient();

        using var response = await client.PostAsync(new Uri("/consent/cookies", UriKind.Relative), Json(new { choices = new Dictionary<string, bool> { ["a/b~c"] = true } }));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/choices/a~1b~0c", problem.RootElement.GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task A_banner_post_that_chooses_nothing_makes_no_visitor()
    {
        using var client = _server.CreateClient();
        var before = await _server.Runtime.Vault.Store.GetAuditHeadAsync(default);

        using var response = await client.PostAsync(new Uri("/consent/cookies", UriKind.Relative), Json(new { choices = new Dictionary<string, bool>() }));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var after = await _server.Runtime.Vault.Store.GetAuditHeadAsync(default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(answer.RootElement.TryGetProperty("visitor", out _));
        Assert.Equal(before.Sequence, after.Sequence);
    }

    [Fact]
    public async Task A_visitor_token_is_accepted_for_a_year_and_then_starts_a_new_visitor()
    {
        var clock = new Custodian.Scenarios.VirtualClock(DateTimeOffset.UtcNow);
        await using var server = new CustodianFactory(RepoPaths.Cekura) { Clock = clock };
        using var client = server.CreateClient();
        var tokens = server.Services.GetRequiredService<VisitorTokens>();
        var choose = Json(new { choices = new Dictionary<string, bool> { ["statistics"] = true } });
        using var first = await client.PostAsync(new Uri("/consent/cookies", UriKind.Relative), choose);
        var token = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("visitor").GetString();
        var visitor = tokens.Read(token);

        clock.MoveTo(clock.GetUtcNow() + VisitorTokens.Lifetime - TimeSpan.FromMinutes(1));
        var withinAYear = tokens.Read(token);
        clock.MoveTo(clock.GetUtcNow() + TimeSpan.FromMinutes(2));
        using var late = await client.PostAsync(new Uri("/consent/cookies", UriKind.Relative), Json(new { visitor = token, choices = new Dictionary<string, bool> { ["statistics"] = false } }));
        var lateVisitor = tokens.Read(JsonDocument.Parse(await late.Content.ReadAsStringAsync()).RootElement.GetProperty("visitor").GetString());

        Assert.NotNull(visitor);
        Assert.Equal(visitor, withinAYear);
        Assert.Null(tokens.Read(token));
        Assert.NotNull(lateVisitor);
        Assert.NotEqual(visitor, lateVisitor);
    }

    [Fact]
    public async Task The_banner_description_says_which_request_headers_it_depends_on()
    {
        using var client = _server.CreateClient();

        using var response = await client.GetAsync(new Uri("/consent/cookies", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains("Sec-GPC", response.Headers.Vary);
    }

    [Fact]
    public async Task With_an_smtp_host_configured_a_sign_in_code_is_not_written_to_a_file()
    {
        // A port nothing listens on: delivery fails, and must fail through SMTP rather than succeed into DATA/outbox.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var server = new CustodianFactory(RepoPaths.Cekura);
        await using var smtp = server.WithWebHostBuilder(b =>
        {
            b.UseSetting("Custodian:Smtp:Host", "127.0.0.1");
            b.UseSetting("Custodian:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Custodian:Smtp:Tls", "false");
            b.UseSetting("Custodian:Smtp:TimeoutSeconds", "2");
        });
        var runtime = smtp.Services.GetRequiredService<CustodianRuntime>();
        await new Custodian.Client.CustodianClient(smtp.CreateClient(), runtime.Keys.Create("test admin", ApiScope.Admin, []).Token).CreateSubjectAsync(new(Email: Email));
        using var browser = smtp.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));

        await PrivacyCenterSignIn.StartAsync(browser, Email);

        // Whichever sends it (the page wakes the delivery at once; the worker runs every few seconds), it goes through SMTP and fails.
        bool Failed() => server.Logs.Lines.Any(l => l.Text.Contains("1 attempt(s) failed", StringComparison.Ordinal) || l.Text.Contains("1 failed attempt(s)", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline && !Failed()) await Task.Delay(50);
        Assert.True(Failed(), "No delivery attempt failed: " + string.Join('\n', server.Logs.Lines.Select(l => l.Text)));
        var outbox = Path.Combine(server.DataDirectory, "outbox");
        Assert.False(Directory.Exists(outbox) && Directory.GetFiles(outbox, "*.eml").Length > 0, "The code was written to a file instead of going through SMTP.");
    }

    private async Task<HttpResponseMessage> SignInAdminAsync(HttpClient browser, string returnUrl)
    {
        var page = await browser.GetStringAsync(new Uri("/admin/sign-in", UriKind.Relative));
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent([new("__csrf", token), new("key", _server.CreateKey(ApiScope.Admin)), new("returnUrl", returnUrl)]);
        return await browser.PostAsync(new Uri("/admin/sign-in", UriKind.Relative), form);
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\b(System|Microsoft|Custodian)\.[A-Z]\w+|Exception\b|   at ")]
    private static partial Regex DotNetName();
}
