using Custodian.Requests;
using Custodian.Server.Demo;
using Custodian.Vault;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Custodian.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class AdminConsoleTests(CustodianSite site)
{
    [ChromiumFact]
    public async Task An_admin_signs_in_with_the_key_and_completes_an_erasure_request_and_the_persons_data_is_gone()
    {
        var jens = site.People[1];
        var vault = site.Runtime.Vault;
        Assert.NotEmpty((await vault.ReadAsync(jens, "essential.service", null, null, "browser-test", default)).Values);

        // The person asks for erasure in the privacy center.
        await using var person = await Chromium.OpenAsync();
        var personPage = await person.PageAsync();
        await SignIn.PersonAsync(personPage, site, DemoSeed.People[1].Email);
        await personPage.GetByRole(AriaRole.Link, new() { Name = "My requests" }).ClickAsync();
        await personPage.GetByRole(AriaRole.Button, new() { Name = "Ask us to erase my data" }).ClickAsync();
        await Expect(personPage.GetByRole(AriaRole.Checkbox)).ToBeFocusedAsync();
        await personPage.GetByLabel("I understand that my data will be erased").CheckAsync();
        await personPage.GetByRole(AriaRole.Button, new() { Name = "Ask us to erase my data" }).ClickAsync();
        await Expect(personPage.GetByRole(AriaRole.Status)).ToContainTextAsync("We have received your request (Erasure)");
        await Screenshots.SaveAsync(personPage, "privacy-requests-en");
        await Accessibility.AssertBasicsAsync(personPage);
        var request = Assert.Single(await vault.Store.ListRequestsAsync(new RequestQuery(Kind: RequestKind.Erasure, SubjectId: jens), default));

        // The privacy officer completes it in the console.
        await using var admin = await Chromium.OpenAsync();
        var page = await admin.PageAsync();
        await page.GotoAsync(site.Url + "/admin/sign-in?lang=en");
        await Screenshots.SaveAsync(page, "admin-sign-in-en");
        await Accessibility.AssertBasicsAsync(page);
        await SignIn.AdminAsync(page, site);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Requests", Level = 1 })).ToBeVisibleAsync();
        var overdue = page.Locator("tr.overdue").First;
        await Expect(overdue).ToContainTextAsync("Overdue by");
        await Screenshots.SaveAsync(page, "admin-queue-en");
        await Accessibility.AssertBasicsAsync(page);

        await page.Locator($"a[href='/admin/requests/{request.RequestId}']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Erasure", Level = 1 })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-request-en");
        await Accessibility.AssertBasicsAsync(page);
        await page.GetByLabel("I have checked that no legal hold").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Completed; the person has been told.");
        await Expect(page.Locator("dl.kv")).ToContainTextAsync("Done");

        Assert.Null(await vault.Store.GetSubjectKeyAsync(jens, default));
        var error = await Assert.ThrowsAsync<VaultException>(() => vault.RecordConsentAsync(jens, "marketing.communications.email", false, true, true, "test", null, "browser-test", default));
        Assert.Equal(VaultErrorCodes.SubjectErased, error.Code);
        Assert.DoesNotContain(await vault.ReadForRightsAsync(jens, "access", "browser-test", default), r => r.Value is not null && !r.HeldForLegalDuty);

        // The erased person's session ends: the next page asks them to sign in.
        await personPage.GotoAsync(site.Url + "/privacy/my-data");
        await personPage.WaitForURLAsync("**/privacy/sign-in**");
    }

    [ChromiumFact]
    public async Task Looking_up_a_person_needs_a_reason_code_and_a_ticket_and_both_go_to_the_audit_trail_with_no_personal_value()
    {
        await using var admin = await Chromium.OpenAsync();
        var page = await admin.PageAsync();
        await SignIn.AdminAsync(page, site);
        await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await page.GetByLabel("Address or number").FillAsync(DemoSeed.People[3].Email);
        await page.GetByLabel("Ticket reference").FillAsync("SUP 1234 Ole");
        await page.GetByLabel("Why").SelectOptionAsync("support_ticket");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter a ticket reference");

        await page.GetByLabel("Ticket reference").FillAsync("SUP-1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("This view is in the audit trail: Support ticket, ticket SUP-1234.");
        await Screenshots.SaveAsync(page, "admin-person-en");
        await Accessibility.AssertBasicsAsync(page);

        var store = site.Runtime.Vault.Store;
        var head = await store.GetAuditHeadAsync(default);
        var recent = await store.ReadAuditAsync(Math.Max(1, head.Sequence - 20), 21, default);
        var lookup = Assert.Single(recent, e => e.Action == "subject.lookup" && e.SubjectId == site.People[3]);
        Assert.Equal(["support_ticket"], lookup.ReasonCodes);
        Assert.Equal("SUP-1234", lookup.Details["ticket"]);
        Assert.Contains(recent, e => e.Action == "subject.view" && e.SubjectId == site.People[3] && e.ReasonCodes.Contains("support_ticket"));
        Assert.DoesNotContain(recent, e => e.Details.Values.Any(v => v.Contains('@', StringComparison.Ordinal)));
    }

    [ChromiumFact]
    public async Task The_console_draws_accessible_charts_verifies_the_audit_chain_and_offers_the_record_of_processing()
    {
        await using var admin = await Chromium.OpenAsync();
        var page = await admin.PageAsync();
        await SignIn.AdminAsync(page, site);

        await page.GetByRole(AriaRole.Link, new() { Name = "Charts" }).ClickAsync();
        var charts = page.GetByRole(AriaRole.Img);
        await Expect(charts).ToHaveCountAsync(3);
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Consent rate per purpose, last 12 months" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Retention forecast: records due for deletion, next 24 months" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Requests answered on time, last 12 months" })).ToBeVisibleAsync();
        await page.GetByText("Show the figures as a table").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Consent rate per purpose, last 12 months" })).ToContainTextAsync("Marketing by email");
        await Screenshots.SaveAsync(page, "admin-charts-en");
        await Accessibility.AssertBasicsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the chain now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The chain is intact");
        await Screenshots.SaveAsync(page, "admin-audit-en");
        await Accessibility.AssertBasicsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Record of processing" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "One processing activity per purpose" })).ToContainTextAsync("Bookkeeping");
        await Screenshots.SaveAsync(page, "admin-ropa-en");
        await Accessibility.AssertBasicsAsync(page);
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        Assert.Contains("finance.bookkeeping", await File.ReadAllTextAsync(await csv.PathAsync()), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Policy" }).ClickAsync();
        var changed = Path.Combine(site.DataDirectory, "changed-policy.yaml");
        await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(Path.Combine(site.DataDirectory, "policy.yaml"))).Replace("keep: P5Y", "keep: P10Y", StringComparison.Ordinal));
        await page.GetByLabel("Earlier version").SetInputFilesAsync(Path.Combine(site.DataDirectory, "policy.yaml"));
        await page.GetByLabel("Later version").SetInputFilesAsync(changed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "From policy.yaml to changed-policy.yaml" })).ToContainTextAsync("bookkeeping");
        await Screenshots.SaveAsync(page, "admin-policy-en");
        await Accessibility.AssertBasicsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/sign-in");
        await page.GotoAsync(site.Url + "/admin/charts");
        await page.WaitForURLAsync("**/admin/sign-in**");
    }
}
