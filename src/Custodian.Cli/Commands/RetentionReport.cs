using System.Globalization;
using System.Text;
using Custodian.Retention;

namespace Custodian.Cli.Commands;

/// <summary>Plain-text tables for retention runs and forecasts.</summary>
internal static class RetentionReport
{
    public static string Run(RetentionRunResult result)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"retention {(result.DryRun ? "dry run" : "run")} at {result.At:yyyy-MM-dd HH:mm}Z: {result.Records:N0} records of {result.Subjects:N0} people evaluated in {result.Elapsed.TotalSeconds:F2} s");
        if (result.Tallies.Count == 0)
        {
            text.AppendLine("nothing is due");
        }
        else
        {
            var rows = result.Tallies.Select(t => (t.RuleId, t.CategoryKey, Name(t.Outcome, result.DryRun), t.Count.ToString("N0", inv))).ToList();
            Table(text, ("rule", "category", "outcome", "records"), rows);
        }

        if (result.ExpiriesCorrected > 0) text.AppendLine(inv, $"{result.ExpiriesCorrected:N0} stored expiry date(s) {(result.DryRun ? "would be" : "were")} corrected");
        if (result.ArchiveKeyMissing > 0) text.AppendLine(inv, $"{result.ArchiveKeyMissing:N0} record(s) due for archiving were left in place: no archive public key");
        return text.ToString().TrimEnd();
    }

    public static string Forecast(RetentionForecast forecast)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"retention forecast from {forecast.From:yyyy-MM-dd} for {forecast.Months} months (if no relationship ends and no hold changes meanwhile)");
        if (forecast.Cells.Count == 0) text.AppendLine("nothing expires in this period");
        else Table(text, ("month", "category", "then", "records"), [.. forecast.Cells.Select(c => (c.Month, c.CategoryKey, Name(c.Outcome, true), c.Count.ToString("N0", inv)))]);
        Totals(text, "already due (the next run acts on them)", forecast.Overdue);
        Totals(text, "waiting for an event that has not happened (a live relationship)", forecast.Waiting);
        Totals(text, $"expiring after {forecast.Months} months", forecast.Later);
        return text.ToString();
    }

    private static void Totals(StringBuilder text, string title, IReadOnlyDictionary<string, long> counts)
    {
        if (counts.Count == 0) return;
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
        foreach (var (category, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal)) text.AppendLine(CultureInfo.InvariantCulture, $"  {category}: {count:N0}");
    }

    private static string Name(RetentionOutcome outcome, bool future) => outcome switch
    {
        RetentionOutcome.Delete => future ? "delete" : "deleted",
        RetentionOutcome.Anonymise => future ? "anonymise" : "anonymised",
        RetentionOutcome.Archive => future ? "archive" : "archived",
        RetentionOutcome.MoveToHold => future ? "keep under hold key" : "kept under hold key",
        RetentionOutcome.HeldByLegalHold => "blocked by legal hold",
        RetentionOutcome.NoRule => "no rule covers it (kept)",
        RetentionOutcome.AwaitingPurge => "erased person, awaiting purge",
        _ => "kept",
    };

    private static void Table(StringBuilder text, (string, string, string, string) header, List<(string, string, string, string)> rows)
    {
        var all = new List<(string, string, string, string)> { header };
        all.AddRange(rows);
        var w1 = all.Max(r => r.Item1.Length);
        var w2 = all.Max(r => r.Item2.Length);
        var w3 = all.Max(r => r.Item3.Length);
        var w4 = all.Max(r => r.Item4.Length);
        foreach (var (a, b, c, d) in all) text.Append(a.PadRight(w1)).Append("  ").Append(b.PadRight(w2)).Append("  ").Append(c.PadRight(w3)).Append("  ").AppendLine(d.PadLeft(w4));
    }
}
