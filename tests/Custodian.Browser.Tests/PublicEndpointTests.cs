using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Custodian.Server.Demo;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Banner;
using Custodian.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Browser.Tests;

/// <summary>The banner's public endpoint and the pages' protections over plain HTTP, no browser needed.</summary>
[Collection(SiteCollection.Name)]
public sealed class PublicEndpointTests(CustodianSite site)
{
    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(site.Url) };

    [Fact]
    public async Task A_customers_subject_id_sent_as_a_visitor_token_changes_nothing_of_theirs()
    {
        var karen = site.People[0];
        var before = (await site.Runtime.Vault.LoadFactsAsync(karen, default)).State.Consents.Count;
        using var client = Client();

        using var response = await client.PostAsJsonAsync("/consent/cookies", new { visitor = karen, choices = new Dictionary<string, bool> { ["statistics"] = false } });
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var visitor = site.Services.GetRequiredService<VisitorTokens>().Read(answer.GetProperty("visitor").GetString());
        Assert.NotNull(visitor);
        Assert.NotEqual(karen, visitor);
        Assert.Equal(before, (await site.Runtime.Vault.LoadFactsAsync(karen, default)).State.Consents.Count);
    }

    [Fact]
    public async Task The_sec_gpc_header_switches_off_advertising_cookies_even_when_the_visitor_accepts_them()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/consent/cookies") { Content = JsonContent.Create(new { choices = new Dictionary<string, bool> { ["statistics"] = true, ["marketing"] = true } }) };
        request.Headers.Add("Sec-GPC", "1");

        using var response = await client.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var visitor = site.Services.GetRequiredService<VisitorTokens>().Read(answer.GetProperty("visitor").GetString())!;
        var (state, _) = await site.Runtime.Vault.LoadFactsAsync(visitor, default);

        Assert.True(answer.GetProperty("gpc").GetBoolean());
        var marketing = state.ConsentHead(ConsentKind.Cookie, "cookie:marketing", DateTimeOffset.MaxValue)!;
        Assert.False(marketing.Given);
        Assert.Equal("gpc", marketing.Method);
        Assert.True(state.ConsentHead(ConsentKind.Purpose, "analytics.reporting", DateTimeOffset.MaxValue)!.Given);
    }

    [Fact]
    public async Task An_unknown_cookie_category_is_refused_with_the_nearest_one_named()
    {
        using var client = Client();

        using var response = await client.PostAsJsonAsync("/consent/cookies", new { choices = new Dictionary<string, bool> { ["statistic"] = true } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_field", problem.GetProperty("code").GetString());
        Assert.Equal("statistics", problem.GetProperty("suggestions")[0].GetString());
    }

    [Fact]
    public async Task Any_site_may_call_the_banner_endpoint_across_origins()
    {
        using var client = Client();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/consent/cookies");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Pages_forbid_framing_and_scripts_and_are_not_cached_while_an_unknown_page_is_an_html_page_in_the_visitors_language()
    {
        using var client = Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,da;q=0.5");

        using var page = await client.GetAsync("/privacy/sign-in");
        using var missing = await client.GetAsync("/privacy/nowhere");
        using var api = await client.GetAsync("/v1/nowhere");

        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(page.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var client = Client();

        using var response = await client.PostAsync("/admin/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = site.AdminKey }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("custodian_admin=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Signing_in_with_an_unknown_address_looks_the_same_and_sends_nothing()
    {
        using var client = Client();
        var form = await client.GetStringAsync("/privacy/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var seen = Mailbox.Snapshot(site.Outbox);

        using var known = await client.PostAsync("/privacy/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = DemoSeed.People[5].Email, ["__csrf"] = token }));
        using var unknown = await client.PostAsync("/privacy/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "nobody@example.dk", ["__csrf"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.StartsWith("/privacy/sign-in/code?challenge=", unknown.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await Mailbox.WaitForAsync(site.Outbox, DemoSeed.People[5].Email, seen, TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        Assert.DoesNotContain(Directory.GetFiles(site.Outbox, "*.eml").Except(seen), f => File.ReadAllText(f).Contains("nobody@example.dk", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("da-DK,da;q=0.9,en;q=0.8", "da")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-FR, en;q=0.3, da;q=0.7", "da")]
    [InlineData("fr-FR", null)]
    [InlineData("da;q=0, en", "en")]
    public void Accept_language_picks_the_best_offered_language(string header, string? expected) =>
        Assert.Equal(expected, UiContext.FromAcceptLanguage(header, ["da", "en"]));
}
