using System.Text;
using AngleSharp.Html.Parser;
using Custodian.Requests;

namespace Custodian.Acceptance.Tests.Requests;

public sealed class AccessReportTests
{
    private static async Task<string> ReportAsync(TempVault vault, string subject, string language)
    {
        using var buffer = new MemoryStream();
        await AccessReportWriter.WriteAsync(vault.Vault, subject, language, buffer, "test", CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public async Task The_report_is_in_the_person_s_language_with_a_lang_attribute_and_one_h1()
    {
        await using var vault = await TempVault.CreateAsync(SmartHomePerson.Policy(), SmartHomePerson.Start);
        var subject = await SmartHomePerson.CreateAsync(vault.Vault, 3);

        var danish = new HtmlParser().ParseDocument(await ReportAsync(vault, subject, "da"));
        var english = new HtmlParser().ParseDocument(await ReportAsync(vault, subject, "en"));

        Assert.Equal("da", danish.DocumentElement.GetAttribute("lang"));
        Assert.Equal("De personoplysninger, vi har om dig", Assert.Single(danish.QuerySelectorAll("h1")).TextContent);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("The personal data we hold about you", Assert.Single(english.QuerySelectorAll("h1")).TextContent);
    }

    [Fact]
    public async Task Every_table_has_a_caption_and_column_headers_and_every_section_a_heading()
    {
        await using var vault = await TempVault.CreateAsync(SmartHomePerson.Policy(), SmartHomePerson.Start);
        var subject = await SmartHomePerson.CreateAsync(vault.Vault, 3);

        var document = new HtmlParser().ParseDocument(await ReportAsync(vault, subject, "en"));

        var tables = document.QuerySelectorAll("table");
        Assert.True(tables.Length >= 6, $"{tables.Length} tables");
        Assert.All(tables, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.QuerySelector("caption")?.TextContent));
            var headers = t.QuerySelectorAll("thead th");
            Assert.NotEmpty(headers);
            Assert.All(headers, h => Assert.Equal("col", h.GetAttribute("scope")));
            var columns = headers.Length;
            Assert.All(t.QuerySelectorAll("tbody tr"), row => Assert.Equal(columns, row.Children.Length));
        });
        Assert.All(document.QuerySelectorAll("section"), s => Assert.Equal("H2", s.FirstElementChild?.TagName));
    }

    [Fact]
    public async Task Values_are_escaped_and_the_password_is_never_in_the_report()
    {
        await using var vault = await TempVault.CreateAsync(SmartHomePerson.Policy(), SmartHomePerson.Start);
        var subject = await SmartHomePerson.CreateAsync(vault.Vault, 3);

        var html = await ReportAsync(vault, subject, "en");
        var document = new HtmlParser().ParseDocument(html);

        Assert.DoesNotContain(SmartHomePerson.Password, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("#data ~ div td"), td => td.TextContent == "Dara Sok <b>&amp;</b>");
        Assert.Contains(document.QuerySelectorAll("#data ~ div td"), td => td.TextContent.Contains("one-way hash", StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll("#readings ~ div td"), td => td.TextContent == "{\"t\":0,\"note\":\"a,b\"}");
        Assert.Contains("{&quot;t&quot;:0,&quot;note&quot;:&quot;a,b&quot;}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_category_row_names_its_purposes_with_legal_bases_recipients_source_and_deletion()
    {
        await using var vault = await TempVault.CreateAsync(SmartHomePerson.Policy(), SmartHomePerson.Start);
        var subject = await SmartHomePerson.CreateAsync(vault.Vault, 3);

        var document = new HtmlParser().ParseDocument(await ReportAsync(vault, subject, "en"));
        var rows = document.QuerySelectorAll("#categories ~ div tbody tr");
        var ip = Assert.Single(rows, r => r.QuerySelector("th")!.TextContent.Contains("IP", StringComparison.OrdinalIgnoreCase));
        var cells = ip.QuerySelectorAll("td");

        Assert.Contains("(", cells[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("contract", cells[0].TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("From your use of our services", cells[2].TextContent);
        Assert.False(string.IsNullOrWhiteSpace(cells[3].TextContent));
        Assert.Contains(rows, r => r.QuerySelector("th")!.TextContent.Length > 0 && r.QuerySelectorAll("td")[2].TextContent == "From your device");
    }

    [Fact]
    public async Task Readings_are_split_into_tables_of_a_thousand_rows_and_the_consent_history_is_listed()
    {
        await using var vault = await TempVault.CreateAsync(SmartHomePerson.Policy(), SmartHomePerson.Start);
        var subject = await SmartHomePerson.CreateAsync(vault.Vault, 1500);

        var document = new HtmlParser().ParseDocument(await ReportAsync(vault, subject, "en"));
        var pages = document.QuerySelectorAll("#readings ~ div table");

        Assert.Equal(2, pages.Length);
        Assert.Equal(AccessReportWriter.EventTableRows, pages[0].QuerySelectorAll("tbody tr").Length);
        Assert.Equal(502, pages[1].QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Readings 1,001 to 2,000", pages[1].QuerySelector("caption")!.TextContent);
        var consent = Assert.Single(document.QuerySelectorAll("#consents ~ div tbody tr"));
        Assert.Equal("Given", consent.QuerySelectorAll("td")[1].TextContent);
        Assert.Contains(document.QuerySelectorAll("#information ~ h3"), h => h.TextContent.Length > 0);
    }
}
