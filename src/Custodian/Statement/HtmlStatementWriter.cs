using System.Text;
using System.Text.RegularExpressions;

namespace Custodian.Statement;

/// <summary>
/// Writes a <see cref="StatementDocument"/> as one standalone, accessible HTML page: a <c>lang</c> attribute,
/// a heading outline, a table of contents, tables with captions and row and column headers, links for addresses,
/// readable inline CSS that carries no meaning by colour alone, and no scripts.
/// </summary>
public static partial class HtmlStatementWriter
{
    private const string Style = """
        body { margin: 0; background: #fff; color: #1b1b1b; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.0625rem; line-height: 1.6; }
        .page { max-width: 50rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
        h2 { font-size: 1.4rem; line-height: 1.3; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #1b1b1b; }
        h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
        a { color: #0a4f9c; text-decoration: underline; }
        a:focus-visible, .scroll:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
        nav ol { padding-left: 1.5rem; }
        ul { padding-left: 1.5rem; }
        li { margin: .35rem 0; }
        .scroll { overflow-x: auto; margin: 1rem 0 1.5rem; }
        table { border-collapse: collapse; width: 100%; font-size: .95rem; }
        caption { text-align: left; font-weight: 700; padding-bottom: .5rem; }
        th, td { border: 1px solid #767676; padding: .5rem .65rem; text-align: left; vertical-align: top; }
        thead th { background: #eee; }
        tbody th { font-weight: 600; }
        @media print { nav { display: none; } a { color: inherit; } }
        """;

    /// <summary>The statement as an HTML document, ending with one newline.</summary>
    public static string Write(StatementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n");
        html.Append("<html lang=\"").Append(Encode(document.Language)).Append("\">\n<head>\n");
        html.Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Encode(document.Title)).Append(" – ").Append(Encode(document.Controller)).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<div class=\"page\">\n<header>\n");
        html.Append("<h1>").Append(Encode(document.Title)).Append("</h1>\n");
        foreach (var block in document.Preamble) WriteBlock(html, block);
        html.Append("</header>\n<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">").Append(Encode(document.ContentsLabel)).Append("</h2>\n<ol>\n");
        foreach (var section in document.Sections)
            html.Append("<li><a href=\"#").Append(Encode(section.Id)).Append("\">").Append(Encode(section.Heading)).Append("</a></li>\n");
        html.Append("</ol>\n</nav>\n<main>\n");
        foreach (var section in document.Sections)
        {
            html.Append("<section aria-labelledby=\"").Append(Encode(section.Id)).Append("\">\n");
            html.Append("<h2 id=\"").Append(Encode(section.Id)).Append("\">").Append(Encode(section.Heading)).Append("</h2>\n");
            foreach (var block in section.Blocks) WriteBlock(html, block);
            html.Append("</section>\n");
        }

        html.Append("</main>\n</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteBlock(StringBuilder html, StatementBlock block)
    {
        switch (block)
        {
            case StatementParagraph paragraph:
                html.Append("<p>").Append(Linked(paragraph.Text)).Append("</p>\n");
                break;
            case StatementSubheading subheading:
                html.Append("<h3>").Append(Encode(subheading.Text)).Append("</h3>\n");
                break;
            case StatementList list:
                html.Append("<ul>\n");
                foreach (var item in list.Items)
                {
                    html.Append("<li>");
                    if (item.Label is not null) html.Append("<strong>").Append(Encode(item.Label)).Append(":</strong> ");
                    html.Append(Linked(item.Text)).Append("</li>\n");
                }

                html.Append("</ul>\n");
                break;
            case StatementTable table:
                html.Append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").Append(Encode(table.Caption)).Append("\">\n<table>\n");
                html.Append("<caption>").Append(Encode(table.Caption)).Append("</caption>\n<thead>\n<tr>");
                foreach (var header in table.Headers) html.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
                html.Append("</tr>\n</thead>\n<tbody>\n");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    for (var i = 0; i < row.Length; i++)
                    {
                        html.Append(i == 0 ? "<th scope=\"row\">" : "<td>").Append(Linked(row[i])).Append(i == 0 ? "</th>" : "</td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</tbody>\n</table>\n</div>\n");
                break;
            default:
                throw new InvalidOperationException($"No HTML for {block.GetType().Name}.");
        }
    }

    /// <summary>Escapes only the characters HTML needs escaped, leaving letters such as æ, ø and å readable in the source.</summary>
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>Encodes text and turns web addresses and email addresses into links.</summary>
    private static string Linked(string text)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in LinkPattern().Matches(text))
        {
            result.Append(Encode(text[last..match.Index]));
            var target = match.Value.Contains('@', StringComparison.Ordinal) && !match.Value.StartsWith("http", StringComparison.Ordinal)
                ? "mailto:" + match.Value
                : match.Value;
            result.Append("<a href=\"").Append(Encode(target)).Append("\">").Append(Encode(match.Value)).Append("</a>");
            last = match.Index + match.Length;
        }

        result.Append(Encode(text[last..]));
        return result.ToString();
    }

    [GeneratedRegex(@"https?://[^\s<>""]*[^\s<>"".,;:)]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
