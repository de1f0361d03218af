using System.Text;
using Custodian.Notifications;
using Custodian.Policy;

namespace Custodian.Requests;

public static partial class AccessReportWriter
{
    private const string Style = """
        body { margin: 0; background: #fff; color: #1b1b1b; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.0625rem; line-height: 1.6; }
        .page { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
        h2 { font-size: 1.4rem; line-height: 1.3; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #1b1b1b; }
        h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
        a { color: #0a4f9c; text-decoration: underline; }
        .scroll:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
        ul { padding-left: 1.25rem; margin: 0; }
        .scroll { overflow-x: auto; margin: 1rem 0 1.5rem; }
        table { border-collapse: collapse; width: 100%; font-size: .95rem; }
        caption { text-align: left; font-weight: 700; padding-bottom: .5rem; }
        th, td { border: 1px solid #767676; padding: .5rem .65rem; text-align: left; vertical-align: top; }
        thead th { background: #eee; }
        tbody th { font-weight: 600; }
        """;

    private static void WriteInformation(StringBuilder html, CompiledPolicy policy, MessageText text, string language)
    {
        var document = policy.Document;
        var statement = text.Statement;
        html.Append("<section aria-labelledby=\"information\">\n<h2 id=\"information\">").Append(Encode(text.InformationHeading)).Append("</h2>\n");

        html.Append("<h3>").Append(Encode(text.ContactsHeading)).Append("</h3>\n<ul>\n");
        AppendParty(html, statement.WhoHeading, document.Controller);
        if (document.Dpo is { } dpo) AppendParty(html, statement.DpoHeading, dpo);
        AppendParty(html, statement.ComplaintHeading, document.Authority);
        html.Append("</ul>\n");

        html.Append("<h3>").Append(Encode(statement.PurposesHeading)).Append("</h3>\n");
        OpenTable(html, statement.PurposesHeading, text.PurposeHeaders);
        foreach (var p in policy.Purposes)
            html.Append("<tr><th scope=\"row\">").Append(Encode(p.Definition.Name.Get(language) ?? p.Key)).Append("</th><td>").Append(Encode(statement.Basis(p.Basis))).Append("</td></tr>\n");
        html.Append("</tbody>\n</table>\n</div>\n");

        html.Append("<h3>").Append(Encode(statement.RecipientsHeading)).Append("</h3>\n");
        if (policy.Recipients.IsEmpty)
        {
            html.Append("<p>").Append(Encode(statement.NoRecipients)).Append("</p>\n");
        }
        else
        {
            OpenTable(html, statement.RecipientsHeading, text.RecipientHeaders);
            foreach (var r in policy.Recipients)
            {
                var inside = Transfers.IsInsideEea(r.Definition.Country);
                html.Append("<tr><th scope=\"row\">").Append(Encode(r.Definition.Name))
                    .Append("</th><td>").Append(Encode(statement.Role(r.Definition.Role)))
                    .Append("</td><td>").Append(Encode(r.Definition.Country))
                    .Append("</td><td>").Append(Encode(statement.Mechanism(r.Definition.Mechanism, inside))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</div>\n");
        }

        html.Append("<h3>").Append(Encode(statement.RetentionHeading)).Append("</h3>\n");
        OpenTable(html, statement.RetentionHeading, text.RetentionHeaders);
        foreach (var rule in document.Retention.Rules)
        {
            var name = rule.Description.Get(language) ?? rule.Id;
            html.Append("<tr><th scope=\"row\">").Append(Encode(name)).Append("</th><td>").Append(Encode(statement.RetentionPeriod(rule))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");

        html.Append("<h3>").Append(Encode(statement.RightsHeading)).Append("</h3>\n<ul>\n");
        foreach (var right in document.Rights.Offered)
        {
            var (label, description) = statement.Right(right, document.Authority.Name);
            html.Append("<li><strong>").Append(Encode(label)).Append(":</strong> ").Append(Encode(description)).Append("</li>\n");
        }

        html.Append("</ul>\n<p>").Append(Encode(statement.ResponseTime(document.Rights.ResponseTime))).Append("</p>\n</section>\n");
    }

    private static void AppendParty(StringBuilder html, string heading, Party party)
    {
        html.Append("<li><strong>").Append(Encode(heading)).Append(":</strong> ").Append(Encode(party.Name));
        foreach (var part in new[] { party.Address, party.Phone }.Where(p => !string.IsNullOrWhiteSpace(p))) html.Append(", ").Append(Encode(part!));
        if (!string.IsNullOrWhiteSpace(party.Email)) html.Append(", <a href=\"mailto:").Append(Encode(party.Email)).Append("\">").Append(Encode(party.Email)).Append("</a>");
        if (!string.IsNullOrWhiteSpace(party.Url)) html.Append(", <a href=\"").Append(Encode(party.Url)).Append("\">").Append(Encode(party.Url)).Append("</a>");
        html.Append("</li>\n");
    }
}
