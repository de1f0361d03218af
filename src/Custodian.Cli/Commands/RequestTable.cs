using System.Globalization;
using Custodian.Requests;

namespace Custodian.Cli.Commands;

/// <summary>Prints requests as aligned text tables for a terminal: one line per request, overdue ones marked.</summary>
internal static class RequestTable
{
    public static void Write(TextWriter output, IReadOnlyList<StoredRequest> requests, DateTimeOffset now)
    {
        if (requests.Count == 0)
        {
            output.WriteLine("No requests.");
            return;
        }

        string[] headers = ["REQUEST", "KIND", "STATUS", "CHANNEL", "RECEIVED", "DUE", "DEADLINE"];
        var rows = requests.Select(r => new[]
        {
            r.RequestId,
            RequestsCommands.Name(r.Kind),
            RequestsCommands.Name(r.Status),
            RequestsCommands.Name(r.Channel),
            RequestDesk.Day(r.ReceivedAt),
            RequestDesk.Day(r.DueAt),
            Deadline(r, now),
        }).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Max(row => row[i].Length))).ToArray();
        output.WriteLine(Line(headers, widths));
        foreach (var row in rows) output.WriteLine(Line(row, widths));
    }

    public static void WriteDetail(TextWriter output, StoredRequest r, IReadOnlyList<RequestStatusChange> history, DateTimeOffset now)
    {
        output.WriteLine($"Request   {r.RequestId}");
        output.WriteLine($"Kind      {RequestsCommands.Name(r.Kind)}{(r.Purpose is null ? "" : " (" + r.Purpose + ")")}");
        output.WriteLine($"Status    {RequestsCommands.Name(r.Status)}{(r.ReasonCode is null ? "" : " (" + r.ReasonCode + ")")}");
        output.WriteLine($"Person    {r.SubjectId ?? "(the email matched no one)"}");
        output.WriteLine($"Channel   {RequestsCommands.Name(r.Channel)}");
        output.WriteLine($"Language  {r.Language}");
        output.WriteLine($"Received  {Time(r.ReceivedAt)}");
        output.WriteLine($"Due       {RequestDesk.Day(r.DueAt)} ({Deadline(r, now)}){(r.ExtendedAt is { } e ? ", extended on " + RequestDesk.Day(e) : "")}");
        if (r.ClosedAt is { } closed) output.WriteLine($"Closed    {Time(closed)} ({(closed <= r.DueAt ? "on time" : "late")})");
        if (r.Reason is not null) output.WriteLine($"Reason    {r.Reason}");
        if (RequestDesk.AnswerOf(r) is { } answer)
        {
            output.WriteLine($"Outcome   {answer.Outcome}");
            if (answer.Erasure is { } erasure)
            {
                output.WriteLine($"          erased: {(erasure.ErasedCategories.Count == 0 ? "nothing" : string.Join(", ", erasure.ErasedCategories))}");
                foreach (var kept in erasure.Kept) output.WriteLine($"          kept: {kept.CategoryKey} under {kept.RuleId}{(kept.Until is { } u ? " until " + RequestDesk.Day(u) : "")}");
            }

            if (answer.Rectification is { } rect) output.WriteLine($"          corrected {rect.CategoryKey} to version {rect.Version}; recipients to inform: {(rect.RecipientsToInform.Count == 0 ? "none" : string.Join(", ", rect.RecipientsToInform))}");
            if (answer.Purposes.Count > 0) output.WriteLine($"          purposes: {string.Join(", ", answer.Purposes)}");
        }

        output.WriteLine();
        output.WriteLine("History");
        foreach (var change in history)
            output.WriteLine($"  {Time(change.At)}  {RequestsCommands.Name(change.Status),-12} {change.Actor}{(change.ReasonCode is null ? "" : "  " + change.ReasonCode)}");
    }

    private static string Deadline(StoredRequest r, DateTimeOffset now)
    {
        if (!r.IsOpen) return "closed";
        var left = (r.DueAt - now).TotalDays;
        if (r.IsOverdueAt(now)) return $"OVERDUE by {Math.Max(1, (int)Math.Ceiling(-left))} day(s)";
        return left < 1 ? "due today" : $"{(int)Math.Ceiling(left)} day(s) left";
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
