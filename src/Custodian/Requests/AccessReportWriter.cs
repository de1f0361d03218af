using System.Globalization;
using System.Net;
using System.Text;
using Custodian.Notifications;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Requests;

/// <summary>
/// Writes the access package (Art. 15) as one readable, accessible HTML page in the person's language: every value with
/// where it came from and when it is deleted, every category with its purposes, legal bases and recipients, every reading
/// in paged tables, the consent history and the Art. 15 information. It streams: readings are decrypted a page at a time
/// and written with asynchronous writes only, so a person with millions of readings exports in bounded memory.
/// Secrets are never included (CK1).
/// </summary>
public static partial class AccessReportWriter
{
    /// <summary>Rows per readings table: long enough to scan, short enough for a browser to lay out quickly.</summary>
    public const int EventTableRows = 1000;

    /// <summary>Writes the report for <paramref name="subjectId"/> to <paramref name="output"/>; returns the readings written.</summary>
    public static async Task<long> WriteAsync(DataVault vault, string subjectId, string language, Stream output, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(output);
        language = language == "da" ? "da" : "en";
        var policy = vault.Policy;
        var document = policy.Document;
        var text = MessageText.For(language);
        var records = await vault.ReadForRightsAsync(subjectId, "access", actor, cancellationToken);
        var state = await vault.Store.LoadSubjectStateAsync(subjectId, cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var html = new StringBuilder(1 << 16);

        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Encode(text.ReportTitle)).Append(" – ").Append(Encode(document.Controller.Name)).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<div class=\"page\">\n<header>\n");
        html.Append("<h1>").Append(Encode(text.ReportTitle)).Append("</h1>\n");
        html.Append("<p>").Append(Encode(text.ReportIntro(document.Controller.Name, DateOnly.FromDateTime(vault.Clock.GetUtcNow().UtcDateTime)))).Append("</p>\n");
        html.Append("<p>").Append(Encode(text.MachineReadableNote)).Append("</p>\n</header>\n<main>\n");

        WriteRecords(html, policy, text, language, records);
        await FlushAsync(writer, html, cancellationToken);

        var categories = records.Select(r => r.Record.CategoryKey).ToHashSet(StringComparer.Ordinal);
        var summaries = new SortedDictionary<string, EventSummary>(StringComparer.Ordinal);
        html.Append("<section aria-labelledby=\"readings\">\n<h2 id=\"readings\">").Append(Encode(text.EventsHeading)).Append("</h2>\n");
        long written = 0;

        // Category names and device ids repeat on every row: each is encoded once.
        var encoded = new Dictionary<string, string>(StringComparer.Ordinal);
        var events = await vault.VisitEventsForRightsAsync(
            subjectId,
            "access",
            (in DecryptedEvent e) =>
            {
                if (written % EventTableRows == 0)
                {
                    if (written > 0) html.Append("</tbody>\n</table>\n</div>\n");
                    OpenTable(html, text.EventsPage(written + 1, written + EventTableRows), text.EventHeaders);
                }

                written++;
                categories.Add(e.CategoryKey);
                if (!summaries.TryGetValue(e.CategoryKey, out var summary)) summaries[e.CategoryKey] = summary = new EventSummary(e.At);
                summary.Count++;
                summary.Last = e.At;
                if (!encoded.TryGetValue(e.CategoryKey, out var name)) encoded[e.CategoryKey] = name = Encode(CategoryName(policy, e.CategoryKey, language));
                var device = e.DeviceId ?? "";
                if (!encoded.TryGetValue("\0" + device, out var deviceCell)) encoded["\0" + device] = deviceCell = Encode(device);
                html.Append("<tr><td>").Append(CultureInfo.InvariantCulture, $"{e.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}")
                    .Append("</td><td>").Append(name)
                    .Append("</td><td>").Append(deviceCell)
                    .Append("</td><td>");
                AppendEncoded(html, e.Utf8Value);
                html.Append("</td></tr>\n");
            },
            ct => new ValueTask(FlushAsync(writer, html, ct)),
            actor,
            cancellationToken);
        if (written > 0)
        {
            html.Append("</tbody>\n</table>\n</div>\n<ul>\n");
            foreach (var (category, summary) in summaries)
            {
                html.Append("<li>").Append(Encode(text.EventsSummary(CategoryName(policy, category, language), summary.Count, DateOnly.FromDateTime(summary.First.UtcDateTime), DateOnly.FromDateTime(summary.Last.UtcDateTime)))).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }
        else
        {
            html.Append("<p>").Append(Encode(text.None)).Append("</p>\n");
        }

        html.Append("</section>\n");
        WriteCategories(html, policy, text, language, categories, records);
        WriteConsents(html, policy, text, language, state);
        WriteInformation(html, policy, text, language);
        html.Append("</main>\n</div>\n</body>\n</html>\n");
        await FlushAsync(writer, html, cancellationToken);
        return events;
    }

    private static void WriteRecords(StringBuilder html, Policy.CompiledPolicy policy, MessageText text, string language, IReadOnlyList<PackageRecord> records)
    {
        html.Append("<section aria-labelledby=\"data\">\n<h2 id=\"data\">").Append(Encode(text.DataHeading)).Append("</h2>\n");
        if (records.Count == 0)
        {
            html.Append("<p>").Append(Encode(text.None)).Append("</p>\n</section>\n");
            return;
        }

        OpenTable(html, text.DataHeading, text.DataHeaders);
        foreach (var item in records.OrderBy(r => r.Record.CategoryKey, StringComparer.Ordinal).ThenBy(r => r.Record.CollectedAt))
        {
            var r = item.Record;
            var facts = CategoryFacts.For(policy, r.CategoryKey, language);
            html.Append("<tr><th scope=\"row\">").Append(Encode(facts.Name)).Append("</th><td>");
            if (item.Secret) html.Append("<em>").Append(Encode(text.SecretNotShown)).Append("</em>");
            else html.Append(Encode(item.Value ?? ""));
            if (item.HeldForLegalDuty) html.Append("<br><em>").Append(Encode(text.HeldNote)).Append("</em>");
            html.Append("</td><td>").Append(Encode(text.Source(r.Source)));
            html.Append("</td><td>").Append(Encode(text.Statement.FormatDate(DateOnly.FromDateTime(r.CollectedAt.UtcDateTime))));
            html.Append("</td><td>");
            AppendList(html, facts.Purposes.Select(p => $"{p.Name} ({text.Statement.Basis(p.Basis)})"), text);
            html.Append("</td><td>");
            AppendList(html, facts.Recipients.Select(k => RecipientName(policy, k)), text);
            html.Append("</td><td>");
            if (r.ExpiresAt is { } expires) html.Append(Encode(text.Statement.FormatDate(DateOnly.FromDateTime(expires.UtcDateTime))));
            else AppendList(html, facts.Retention, text);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static void WriteCategories(StringBuilder html, Policy.CompiledPolicy policy, MessageText text, string language, HashSet<string> categories, IReadOnlyList<PackageRecord> records)
    {
        html.Append("<section aria-labelledby=\"categories\">\n<h2 id=\"categories\">").Append(Encode(text.CategoriesHeading)).Append("</h2>\n");
        if (categories.Count == 0)
        {
            html.Append("<p>").Append(Encode(text.None)).Append("</p>\n</section>\n");
            return;
        }

        OpenTable(html, text.CategoriesHeading, text.CategoryHeaders);
        foreach (var key in categories.Order(StringComparer.Ordinal))
        {
            var facts = CategoryFacts.For(policy, key, language);
            var sources = records.Where(r => r.Record.CategoryKey == key).Select(r => text.Source(r.Record.Source)).Distinct(StringComparer.Ordinal).DefaultIfEmpty(text.Source(RecordSource.Device));
            html.Append("<tr><th scope=\"row\">").Append(Encode(facts.Name)).Append("</th><td>");
            AppendList(html, facts.Purposes.Select(p => $"{p.Name} ({text.Statement.Basis(p.Basis)})"), text);
            html.Append("</td><td>");
            AppendList(html, facts.Recipients.Select(k => RecipientName(policy, k)), text);
            html.Append("</td><td>");
            AppendList(html, sources, text);
            html.Append("</td><td>");
            AppendList(html, facts.Retention, text);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static void WriteConsents(StringBuilder html, Policy.CompiledPolicy policy, MessageText text, string language, SubjectState? state)
    {
        html.Append("<section aria-labelledby=\"consents\">\n<h2 id=\"consents\">").Append(Encode(text.ConsentHeading)).Append("</h2>\n");
        var consents = state?.Consents ?? [];
        if (consents.Count == 0)
        {
            html.Append("<p>").Append(Encode(text.None)).Append("</p>\n</section>\n");
            return;
        }

        OpenTable(html, text.ConsentHeading, text.ConsentHeaders);
        foreach (var c in consents.OrderBy(c => c.At))
        {
            var name = c.Kind == ConsentKind.Purpose && policy.TryGetPurpose(c.Key, out var id) ? policy.Purpose(id).Definition.Name.Get(language) ?? c.Key : c.Key;
            html.Append("<tr><td>").Append(Encode(text.Statement.FormatDate(DateOnly.FromDateTime(c.At.UtcDateTime))))
                .Append("</td><th scope=\"row\">").Append(Encode(name))
                .Append("</th><td>").Append(Encode(text.ConsentState(c.Given)))
                .Append("</td><td>").Append(Encode(c.PolicyVersion))
                .Append("</td><td>").Append(Encode(c.Method)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static async Task FlushAsync(StreamWriter writer, StringBuilder html, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(html, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        html.Clear();
    }

    private static void OpenTable(StringBuilder html, string caption, IReadOnlyList<string> headers)
    {
        html.Append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").Append(Encode(caption)).Append("\">\n<table>\n<caption>").Append(Encode(caption)).Append("</caption>\n<thead>\n<tr>");
        foreach (var header in headers) html.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
        html.Append("</tr>\n</thead>\n<tbody>\n");
    }

    private static void AppendList(StringBuilder html, IEnumerable<string> items, MessageText text)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            html.Append(Encode(text.None));
            return;
        }

        if (list.Count == 1)
        {
            html.Append(Encode(list[0]));
            return;
        }

        html.Append("<ul>");
        foreach (var item in list) html.Append("<li>").Append(Encode(item)).Append("</li>");
        html.Append("</ul>");
    }

    private static string CategoryName(Policy.CompiledPolicy policy, string key, string language) =>
        policy.TryGetCategory(key, out var id) ? policy.Category(id).Name.Get(language) ?? key : key;

    private static string RecipientName(Policy.CompiledPolicy policy, string key) =>
        policy.TryGetRecipient(key, out var id) ? policy.Recipient(id).Definition.Name : key;

    // Letters such as æ, ø and å are written as themselves: the page is UTF-8, and a Danish report should read as Danish in its source too.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string value) => Html.Encode(value);

    // A reading's value, HTML-encoded from its UTF-8 bytes on the stack when short; the buffers are wiped after use.
    private static void AppendEncoded(StringBuilder html, ReadOnlySpan<byte> utf8)
    {
        const int StackLimit = 256;
        if (utf8.Length > StackLimit)
        {
            html.Append(Encode(Encoding.UTF8.GetString(utf8)));
            return;
        }

        Span<byte> encoded = stackalloc byte[StackLimit * 8];
        Span<char> chars = stackalloc char[StackLimit * 8];
        if (Html.EncodeUtf8(utf8, encoded, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            html.Append(Encode(Encoding.UTF8.GetString(utf8)));
            return;
        }

        var count = Encoding.UTF8.GetChars(encoded[..written], chars);
        html.Append(chars[..count]);
        encoded[..written].Clear();
        chars[..count].Clear();
    }

    private sealed class EventSummary(DateTimeOffset first)
    {
        public DateTimeOffset First { get; } = first;

        public DateTimeOffset Last { get; set; } = first;

        public long Count { get; set; }
    }
}
