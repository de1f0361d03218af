using Microsoft.Playwright;

namespace Custodian.Browser.Tests;

/// <summary>Signing in through the pages, as a person would: the code is read from the .eml the outbox wrote.</summary>
public static class SignIn
{
    public static async Task PersonAsync(IPage page, CustodianSite site, string email, string language = "en")
    {
        var seen = Mailbox.Snapshot(site.Outbox);
        await page.GotoAsync($"{site.Url}/privacy/sign-in?lang={language}");
        await page.GetByLabel(language == "da" ? "E-mailadresse" : "Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = language == "da" ? "Send mig en kode" : "Send me a code" }).ClickAsync();
        await page.WaitForURLAsync("**/privacy/sign-in/code?**");
        var code = await Mailbox.WaitForCodeAsync(site.Outbox, email, seen, TimeSpan.FromSeconds(10));
        await page.GetByLabel(language == "da" ? "Kode" : "Code", new() { Exact = false }).First.FillAsync(code);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = language == "da" ? "Log ind" : "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/privacy/my-data");
    }

    public static async Task AdminAsync(IPage page, CustodianSite site, string language = "en")
    {
        await page.GotoAsync($"{site.Url}/admin?lang={language}");
        await page.WaitForURLAsync("**/admin/sign-in**");
        await page.GetByLabel(language == "da" ? "Administrator-API-nøgle" : "Admin API key").FillAsync(site.AdminKey);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = language == "da" ? "Log ind" : "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
    }
}
