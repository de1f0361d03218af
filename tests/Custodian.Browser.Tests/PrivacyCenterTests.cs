using System.Text.Json;
using Custodian.Server.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Custodian.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class PrivacyCenterTests(CustodianSite site)
{
    [ChromiumFact]
    public async Task A_person_signs_in_with_the_emailed_code_downloads_their_data_and_a_switched_off_consent_denies_the_next_read()
    {
        var karen = site.People[0];
        var vault = site.Runtime.Vault;
        var before = await vault.ReadAsync(karen, "marketing.communications.email", null, ["user.contact.email"], "browser-test", default);
        Assert.NotEmpty(before.Values);

        await using var browser = await Chromium.OpenAsync();
        var page = await browser.PageAsync();
        await page.GotoAsync(site.Url + "/privacy?lang=en");
        await Screenshots.SaveAsync(page, "privacy-home-en");
        await Accessibility.AssertBasicsAsync(page);
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Screenshots.SaveAsync(page, "privacy-sign-in-en");
        await Accessibility.AssertBasicsAsync(page);
        await SignIn.PersonAsync(page, site, DemoSeed.People[0].Email);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My data", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed in.");
        var name = page.GetByRole(AriaRole.Region, new() { Name = "Name" });
        await Expect(name).ToContainTextAsync("Karen Holm");
        await Expect(name).ToContainTextAsync("because of our agreement with you");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Health data" })).ToContainTextAsync("Safety and care service (with your consent)");
        await Screenshots.SaveAsync(page, "privacy-my-data-en");
        await Accessibility.AssertBasicsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as a machine-readable file (JSON)" }).ClickAsync());
        using (var package = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync())))
        {
            Assert.Equal("custodian.access.v1", package.RootElement.GetProperty("format").GetString());
            Assert.Equal(karen, package.RootElement.GetProperty("subject").GetString());
            Assert.Contains(package.RootElement.GetProperty("records").EnumerateArray(), r => r.GetProperty("value").GetString() == "Karen Holm");
            Assert.Equal(48, package.RootElement.GetProperty("events").GetArrayLength());
        }

        var report = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as a readable page (HTML)" }).ClickAsync());
        var html = await File.ReadAllTextAsync(await report.PathAsync());
        Assert.Contains("The personal data we hold about you", html, StringComparison.Ordinal);
        Assert.Contains("Karen Holm", html, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "My choices" }).ClickAsync();
        var marketing = page.GetByRole(AriaRole.Switch, new() { Name = "Marketing by email" });
        await Expect(marketing).ToHaveAttributeAsync("aria-checked", "true");
        await Screenshots.SaveAsync(page, "privacy-choices-before-en");
        await Accessibility.AssertBasicsAsync(page);
        await marketing.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Marketing by email is now off");
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Marketing by email" })).ToHaveAttributeAsync("aria-checked", "false");
        var newest = page.GetByRole(AriaRole.Region, new() { Name = "History" }).Locator("tbody tr").First;
        await Expect(newest).ToContainTextAsync("Marketing by email");
        await Expect(newest).ToContainTextAsync("Withdrawn");
        await Expect(newest).ToContainTextAsync("in the privacy center");
        await Screenshots.SaveAsync(page, "privacy-choices-after-en");

        var after = await vault.ReadAsync(karen, "marketing.communications.email", null, ["user.contact.email"], "browser-test", default);
        Assert.Empty(after.Values);
        Assert.Contains("consent_withdrawn", Assert.Single(after.Denied).Reasons);
    }

    [ChromiumFact]
    public async Task The_privacy_center_core_tasks_work_with_javascript_off()
    {
        var inge = site.People[4];
        await using var browser = await Chromium.OpenAsync(o => o.JavaScriptEnabled = false);
        var page = await browser.PageAsync();
        await SignIn.PersonAsync(page, site, DemoSeed.People[4].Email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My data", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync(site.Url + "/privacy/choices");
        await page.GetByRole(AriaRole.Switch, new() { Name = "Marketing by phone" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Marketing by phone" })).ToHaveAttributeAsync("aria-checked", "true");
        await page.Locator("li.choice").Filter(new() { HasText = "Marketing by post" }).GetByRole(AriaRole.Button, new() { Name = "Object" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your objection to marketing by post is recorded");

        await page.GetByRole(AriaRole.Link, new() { Name = "My requests" }).ClickAsync();
        await page.GetByLabel("What to correct").SelectOptionAsync(new SelectOptionValue { Label = "Postal address" });
        await page.GetByLabel("The correct value").FillAsync("Algade 19, 4000 Roskilde");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correct it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Corrected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask us to restrict use" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We have received your request (Restriction of use)");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Your requests" })).ToContainTextAsync("Restriction of use");
        await Screenshots.SaveAsync(page, "privacy-requests-no-js");

        var (state, _) = await site.Runtime.Vault.LoadFactsAsync(inge, default);
        Assert.True(state.ConsentHead(Custodian.Storage.ConsentKind.Purpose, "marketing.communications.phone", DateTimeOffset.MaxValue)?.Given);
        Assert.Contains(state.Objections, o => o.PurposeKey == "marketing.communications.post" && o.LiftedAt is null);
        var address = await site.Runtime.Vault.ReadAsync(inge, "essential.service", null, ["user.contact.address"], "browser-test", default);
        Assert.Equal("Algade 19, 4000 Roskilde", Assert.Single(address.Values).Value);
    }
}
