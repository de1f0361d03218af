using Custodian.Server.Ui.Banner;
using Custodian.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Custodian.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class CookieBannerTests(CustodianSite site)
{
    private const string RecordEvents = "window.__consent = []; document.addEventListener('custodian:consent', e => window.__consent.push(e.detail)); document.addEventListener('custodian:recorded', e => window.__recorded = (window.__recorded || 0) + 1);";

    [ChromiumFact]
    public async Task With_global_privacy_control_the_banner_records_the_opt_out_and_reject_all_is_a_keyboard_away()
    {
        await using var shop = await ShopPage.StartAsync(site.Url);
        await using var browser = await Chromium.OpenAsync();
        await browser.Context.AddInitScriptAsync("Object.defineProperty(navigator, 'globalPrivacyControl', { get: () => true });" + RecordEvents);
        var page = await browser.PageAsync();
        await page.GotoAsync(shop.Url);

        var banner = page.GetByRole(AriaRole.Dialog, new() { Name = "Cookies on this site" });
        await Expect(banner).ToBeVisibleAsync();
        await Expect(page.Locator("#cus-title")).ToBeFocusedAsync();
        await Expect(banner).ToContainTextAsync("Global Privacy Control");
        await page.WaitForFunctionAsync("() => window.__recorded >= 1");
        await Screenshots.SaveAsync(page, "banner-gpc-en");
        await Accessibility.AssertBasicsAsync(page);

        var visitor = await VisitorAsync(page);
        var entries = await ConsentsOfAsync(visitor);
        var marketing = Assert.Single(entries, e => e.Key == "cookie:marketing");
        Assert.Equal(ConsentKind.Cookie, marketing.Kind);
        Assert.False(marketing.Given);
        Assert.Equal("gpc", marketing.Method);
        Assert.DoesNotContain(entries, e => e.Key == "analytics.reporting");

        // Keyboard: the statement link, then Accept all, then Reject all.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reject all" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(banner).ToBeHiddenAsync();
        await page.WaitForFunctionAsync("() => window.__recorded >= 2");

        entries = await ConsentsOfAsync(visitor);
        var statistics = Assert.Single(entries, e => e.Key == "analytics.reporting");
        Assert.False(statistics.Given);
        Assert.Equal("cookie-banner", statistics.Method);
        Assert.Equal("cookie:statistics", statistics.Evidence);
        Assert.Single(entries, e => e.Key == "cookie:marketing");
        Assert.False(await page.EvaluateAsync<bool>("Custodian.consent.has('analytics')"));
        Assert.False(await page.EvaluateAsync<bool>("Custodian.consent.has('marketing')"));
        Assert.True(await page.EvaluateAsync<bool>("Custodian.consent.has('strictly_necessary')"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Another page" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.Custodian && window.__consent.length >= 1");
        await Expect(banner).ToHaveCountAsync(0);
    }

    [ChromiumFact]
    public async Task A_visitor_chooses_per_category_the_site_hears_the_change_and_the_choice_is_remembered()
    {
        await using var shop = await ShopPage.StartAsync(site.Url, "da");
        await using var browser = await Chromium.OpenAsync();
        await browser.Context.AddInitScriptAsync(RecordEvents);
        var page = await browser.PageAsync();
        await page.GotoAsync(shop.Url);

        var banner = page.GetByRole(AriaRole.Dialog, new() { Name = "Cookies på dette website" });
        await Expect(banner).ToBeVisibleAsync();
        var accept = banner.GetByRole(AriaRole.Button, new() { Name = "Accepter alle" });
        var reject = banner.GetByRole(AriaRole.Button, new() { Name = "Afvis alle" });
        var (acceptBox, rejectBox) = (await accept.BoundingBoxAsync(), await reject.BoundingBoxAsync());
        Assert.Equal(acceptBox!.Width, rejectBox!.Width, 0.5);
        Assert.Equal(await accept.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"), await reject.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));

        var choose = banner.GetByRole(AriaRole.Button, new() { Name = "Vælg" });
        await choose.ClickAsync();
        await Expect(choose).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(banner.GetByRole(AriaRole.Checkbox, new() { Name = "Statistik-cookies" })).ToBeFocusedAsync();
        await Expect(banner.GetByRole(AriaRole.Checkbox, new() { Name = "Nødvendige cookies (altid slået til)" })).ToBeDisabledAsync();
        await page.Keyboard.PressAsync("Space");
        await Screenshots.SaveAsync(page, "banner-choose-da");
        await Accessibility.AssertBasicsAsync(page);
        await banner.GetByRole(AriaRole.Button, new() { Name = "Gem mine valg" }).ClickAsync();
        await Expect(banner).ToBeHiddenAsync();
        await page.WaitForFunctionAsync("() => window.__recorded >= 1");

        Assert.True(await page.EvaluateAsync<bool>("Custodian.consent.has('analytics')"));
        Assert.False(await page.EvaluateAsync<bool>("Custodian.consent.has('marketing')"));
        Assert.True(await page.EvaluateAsync<bool>("window.__consent.at(-1).choices.statistics === true && window.__consent.at(-1).choices.marketing === false"));
        var entries = await ConsentsOfAsync(await VisitorAsync(page));
        Assert.True(Assert.Single(entries, e => e.Key == "analytics.reporting").Given);
        Assert.False(Assert.Single(entries, e => e.Key == "cookie:marketing").Given);

        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => window.__consent.length >= 1");
        await Expect(banner).ToHaveCountAsync(0);
        Assert.Contains("statistics:1", await page.EvaluateAsync<string>("document.cookie"), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Cookie settings" }).ClickAsync();
        await Expect(banner).ToBeVisibleAsync();
    }

    private static async Task<string> VisitorAsync(IPage page)
    {
        var token = await page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('custodian.consent.cekura')).visitor");
        Assert.False(string.IsNullOrEmpty(token));
        return token;
    }

    private async Task<List<ConsentEntry>> ConsentsOfAsync(string visitorToken)
    {
        var subject = site.Services.GetRequiredService<VisitorTokens>().Read(visitorToken);
        Assert.NotNull(subject);
        var entries = new List<ConsentEntry>();
        await foreach (var entry in site.Runtime.Vault.Store.ScanConsentsAsync(default))
        {
            if (entry.SubjectId == subject) entries.Add(entry);
        }

        Assert.NotEmpty(entries);
        return entries;
    }
}
