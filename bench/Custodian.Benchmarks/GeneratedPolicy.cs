using System.Globalization;
using System.Text;

namespace Custodian.Benchmarks;

/// <summary>
/// Writes a large valid policy: many own categories below built-in keys, purposes of every common basis using
/// about five of them each, recipients in and outside the EEA, permissions, and retention rules by category and
/// by purpose so that every category is covered.
/// </summary>
internal static class GeneratedPolicy
{
    private static readonly string[] CategoryParents =
        ["user.behavior", "user.contact", "user.device", "user.telemetry", "user.sensor", "user.account", "user.content", "user.financial"];

    public static string Write(int purposes, int categories)
    {
        var perPurpose = Math.Max(1, categories / purposes);
        var text = new StringBuilder(capacity: 200 * (purposes + categories));
        text.Append("""
            custodian: 1
            policy:
              id: generated
              version: "1"
              effective: 2025-01-01
              languages: [en]
              jurisdiction: DK
              markets: [DK, SE, DE]
            controller:
              name: Generated ApS
              email: privacy@example.com
              country: DK
            authority:
              name: Datatilsynet
              country: DK

            """).Append('\n');

        text.Append("categories:\n");
        for (var c = 0; c < categories; c++)
            text.Append(CultureInfo.InvariantCulture, $"  {Category(c)}:\n    name: Own category {c}\n");

        text.Append("purposes:\n");
        for (var p = 0; p < purposes; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Purpose(p)}:\n    name: Purpose {p}\n");
            text.Append((p % 4) switch
            {
                0 => "    basis: contract\n    contract: account\n    after_contract: P2M\n",
                1 => "    basis: consent\n",
                2 => "    basis: legitimate_interest\n    interest: Keeping the service useful\n",
                _ => "    basis: legal_obligation\n    allowed_under_restriction: true\n",
            });
            var own = Enumerable.Range(p * perPurpose, perPurpose).Where(c => c < categories).Select(Category);
            text.Append("    categories: [").AppendJoin(", ", own).Append("]\n");
        }

        var recipients = Math.Max(1, purposes / 20);
        text.Append("recipients:\n");
        for (var r = 0; r < recipients; r++)
        {
            var (country, mechanism) = (r % 4) switch
            {
                0 => ("DE", "none"),
                1 => ("US", "scc"),
                2 => ("GB", "adequacy"),
                _ => ("DK", "none"),
            };
            var served = Enumerable.Range(r * 20, 20).Where(p => p < purposes).ToList();
            text.Append(CultureInfo.InvariantCulture, $"  recipient_{r:D4}:\n    name: Recipient {r}\n    role: processor\n    country: {country}\n    mechanism: {mechanism}\n");
            text.Append("    purposes: [").AppendJoin(", ", served.Select(Purpose)).Append("]\n");
            text.Append("    categories: [").AppendJoin(", ", served.Select(p => Category(p * perPurpose))).Append("]\n");
        }

        text.Append("permissions:\n");
        for (var g = 0; g < 10; g++)
            text.Append(CultureInfo.InvariantCulture, $"  permission_{g:D2}:\n    name: Permission {g}\n    gates: [{Category(g * perPurpose)}, {Category((g * perPurpose) + 1)}]\n");

        // Half the purposes are covered by rules that list categories (25 each), half by rules that list purposes (10 each).
        text.Append("retention:\n  fiscal_year_end: \"12-31\"\n  rules:\n");
        var half = purposes / 2;
        var byCategory = half * perPurpose;
        for (var start = 0; start < byCategory; start += 25)
        {
            text.Append(CultureInfo.InvariantCulture, $"    - id: categories-{start:D5}\n      categories: [");
            text.AppendJoin(", ", Enumerable.Range(start, Math.Min(25, byCategory - start)).Select(Category)).Append("]\n      keep: P1Y\n      from: collected\n");
        }

        for (var start = half; start < purposes; start += 10)
        {
            text.Append(CultureInfo.InvariantCulture, $"    - id: purposes-{start:D5}\n      purposes: [");
            text.AppendJoin(", ", Enumerable.Range(start, Math.Min(10, purposes - start)).Select(Purpose)).Append("]\n      keep: P5Y\n      from: fiscal_year_end\n      kind: payment_settled\n      legal_duty: true\n");
        }

        text.Append("""
            rights:
              offered: [information, access, rectification, erasure, restriction, portability, objection, withdraw_consent, complaint]
              response_time: P1M
              extension: P2M
            automated_decisions:
              used: false
            changes:
              notice_period: P30D
              channels: [email]
            cookies:
              strictly_necessary:
                name: Strictly necessary
                required: true

            """);
        return text.ToString();
    }

    private static string Category(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{CategoryParents[index % CategoryParents.Length]}.own_{index:D5}");

    private static string Purpose(int index) => (index % 4) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"essential.service.feature_{index:D4}"),
        1 => string.Create(CultureInfo.InvariantCulture, $"personalize.content.feature_{index:D4}"),
        2 => string.Create(CultureInfo.InvariantCulture, $"analytics.reporting.feature_{index:D4}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"finance.bookkeeping.feature_{index:D4}"),
    };
}
