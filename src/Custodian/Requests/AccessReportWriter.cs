using System.Text;
using Custodian.Notifications;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Requests;

/// <summary>
/// Writes the access report a person can read (Art. 15): one standalone, accessible HTML page in their language with
/// every value held, where it came from, what it is used for and on what legal basis, who receives it and when it is
/// deleted, a summary of readings (counted without decrypting them) and the consent history. Secrets are never shown (CK1).
/// The machine-readable package (<see cref="AccessPackageWriter"/>) carries every reading.
/// </summary>
public static class AccessReportWriter
{
    private const string Style = """
        body { margin: 0; background: #fff; color: #1b1b1b; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.6; }
        main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1 { font-size: 1.9rem; line-height: 1.2; }
        h2 { font-size: 1.35rem; margin-top: 2.25rem; border-bottom: 2px solid #1b1b1b; }
        .scroll { overflow-x: auto; }
        .scroll:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
        table { border-collapse: collapse; width: 100%; font-size: .95rem; }
        th, td { border: 1px solid #767676; padding: .45rem .6rem; text-align: left; vertical-align: top; }
        thead th { background: #eee; }

        """;

    /// <summary>Writes the report for <paramref name="subjectId"/>; the read is audited under <c>rights.access</c> as <paramref name="actor"/>.</summary>
    public static async Task<string> WriteAsync(DataVault vault, string subjectId, string language, DateOnly generated, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var policy = vault.Policy;
        var text = MessageText.For(language);
        var statement = text.Statement;
        var records = await vault.ReadForRightsAsync(subjectId, "access", actor, cancellationToken);
        var state = await vault.Store.LoadSubjectStateAsync(subjectId, cancellationToken);
        var events = await vault.Store.CountEventsByCategoryAsync(subjectId, cancellationToken);
        var controller = policy.Document.Controller.Name;

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(statement.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(E(text.ReportTitle)).Append(" – ").Append(E(controller)).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>").Append(E(text.ReportTitle)).Append("</h1>\n<p>").Append(E(text.ReportIntro(controller, generated))).Append("</p>\n");

        html.Append("<h2 id=\"data\">").Append(E(text.DataHeading)).Append("</h2>\n");
        if (records.Count == 0)
        {
            html.Append("<p>").Append(E(text.None)).Append("</p>\n");
        }
        else
        {
            html.Append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"data\">\n<table>\n<thead><tr>");
            foreach (var header in text.DataHeaders) html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var item in records)
            {
                var r = item.Record;
                var facts = CategoryFacts.For(policy, r.CategoryKey, language);
                var purposes = item.HeldForLegalDuty
                    ? text.HeldNote
                    : string.Join(" ", facts.Purposes.Select(p => $"{p.Name}: {statement.Basis(p.Basis)}"));
                var recipients = facts.Recipients.Select(key => policy.TryGetRecipient(key, out var id) ? policy.Recipient(id).Definition.Name : key).ToList();
                var deleted = r.ExpiresAt is { } expires ? statement.FormatDate(DateOnly.FromDateTime(expires.UtcDateTime)) : string.Join("; ", facts.Retention);
                html.Append("<tr><th scope=\"row\">").Append(E(facts.Name)).Append("</th>");
                html.Append("<td>").Append(E(item.Secret ? text.SecretNotShown : item.Value ?? "")).Append("</td>");
                html.Append("<td>").Append(E(text.Source(r.Source))).Append("</td>");
                html.Append("<td>").Append(E(statement.FormatDate(DateOnly.FromDateTime(r.CollectedAt.UtcDateTime)))).Append("</td>");
                html.Append("<td>").Append(E(purposes)).Append("</td>");
                html.Append("<td>").Append(E(recipients.Count == 0 ? text.None : statement.JoinAnd(recipients))).Append("</td>");
                html.Append("<td>").Append(E(deleted)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</div>\n");
        }

        html.Append("<h2>").Append(E(text.EventsHeading)).Append("</h2>\n");
        AppendList(html, text, events.Select(e => text.EventsSummary(
            CategoryFacts.For(policy, e.CategoryKey, language).Name, e.Count, DateOnly.FromDateTime(e.First.UtcDateTime), DateOnly.FromDateTime(e.Last.UtcDateTime))));

        html.Append("<h2>").Append(E(text.ConsentHeading)).Append("</h2>\n");
        AppendList(html, text, (state?.Consents ?? []).Select(c => text.ConsentLine(ConsentName(vault, c, language), c.Given, DateOnly.FromDateTime(c.At.UtcDateTime), c.PolicyVersion, c.Method)));
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendList(StringBuilder html, MessageText text, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            html.Append("<p>").Append(E(text.None)).Append("</p>\n");
            return;
        }

        html.Append("<ul>\n");
        foreach (var line in list) html.Append("<li>").Append(E(line)).Append("</li>\n");
        html.Append("</ul>\n");
    }

    private static string ConsentName(DataVault vault, ConsentEntry entry, string language)
    {
        var policy = vault.Policy;
        return entry.Kind switch
        {
            ConsentKind.Permission when policy.TryGetPermission(entry.Key, out var permission) => policy.Permission(permission).Definition.Name.Get(language) ?? entry.Key,
            ConsentKind.Purpose when policy.TryGetPurpose(entry.Key, out var purpose) => policy.Purpose(purpose).Definition.Name.Get(language) ?? entry.Key,
            ConsentKind.Cookie => policy.Document.Cookies.FirstOrDefault(c => DataVault.CookieKeyPrefix + c.Key == entry.Key)?.Name.Get(language) ?? entry.Key,
            _ => entry.Key,
        };
    }

    // UTF-8 page: only the characters HTML gives meaning to are escaped, so Danish letters stay readable in the source.
    private static string E(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
