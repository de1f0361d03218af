using Custodian.Server.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Custodian.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class DanishPagesTests(CustodianSite site)
{
    [ChromiumFact]
    public async Task A_browser_that_asks_for_danish_gets_the_privacy_center_the_statement_the_email_and_the_console_in_danish()
    {
        await using var browser = await Chromium.OpenAsync(o => o.Locale = "da-DK");
        var page = await browser.PageAsync();
        await page.GotoAsync(site.Url + "/privacy");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dit privatliv hos CEKURA A/S");
        await Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Log ind" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Spring til indholdet" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "privacy-home-da");
        await Accessibility.AssertBasicsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Privatlivspolitik" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Privatlivspolitik");
        await Expect(page.Locator("article")).ToContainTextAsync("Datatilsynet");
        await Screenshots.SaveAsync(page, "privacy-statement-da");
        await Screenshots.SaveAsync(page, "privacy-statement-da-top", fullPage: false);
        await Accessibility.AssertBasicsAsync(page);

        var seen = Mailbox.Snapshot(site.Outbox);
        await page.GotoAsync(site.Url + "/privacy/sign-in");
        await page.GetByLabel("E-mailadresse").FillAsync(DemoSeed.People[3].Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send mig en kode" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Skriv din kode");
        var message = await Mailbox.WaitForAsync(site.Outbox, DemoSeed.People[3].Email, seen, TimeSpan.FromSeconds(10), Mailbox.IsSignIn);
        Assert.StartsWith("Din kode til at logge ind hos", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d", message.Subject);
        Assert.Contains("privatlivscentret hos CEKURA A/S", message.Body, StringComparison.Ordinal);

        await page.GetByLabel("Kode").FillAsync("000000");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Koden er forkert. Du har 4 forsøg tilbage.");
        await Expect(page.GetByLabel("Kode")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.SaveAsync(page, "privacy-code-error-da");
        await page.GetByLabel("Kode").FillAsync(Mailbox.CodeOf(message));
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mine data");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Navn" })).ToContainTextAsync("Hvorfor vi bruger det");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Navn" })).ToContainTextAsync("på grund af vores aftale med dig");
        await Screenshots.SaveAsync(page, "privacy-my-data-da");
        await Accessibility.AssertBasicsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mine valg" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Markedsføring på e-mail" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "privacy-choices-da");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mine anmodninger" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Slet dine data" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "privacy-requests-da");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My requests");

        await using var admin = await Chromium.OpenAsync(o => o.Locale = "da-DK");
        var console = await admin.PageAsync();
        await SignIn.AdminAsync(console, site, "da");
        await Expect(console.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Anmodninger");
        await Expect(console.Locator("tr.overdue").First).ToContainTextAsync("Frist overskredet med");
        await Screenshots.SaveAsync(console, "admin-queue-da");
        await console.GetByRole(AriaRole.Link, new() { Name = "Diagrammer" }).ClickAsync();
        await Expect(console.GetByRole(AriaRole.Img, new() { Name = "Samtykkerate pr. formål, seneste 12 måneder" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(console, "admin-charts-da");
        await Accessibility.AssertBasicsAsync(console);
    }
}
