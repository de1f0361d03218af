using System.Text;

namespace Custodian.Records;

/// <summary>Writes the record of processing as CSV (RFC 4180: CRLF line ends, fields quoted when needed), for spreadsheets.</summary>
public static class RecordCsvWriter
{
    /// <summary>The record as CSV with a header row and one row per activity.</summary>
    public static string Write(RecordOfProcessing record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var csv = new StringBuilder();
        AppendRow(csv, RecordCells.Headers);
        foreach (var activity in record.Activities) AppendRow(csv, RecordCells.Of(activity));
        return csv.ToString();
    }

    /// <summary>One field, quoted when it holds a comma, a quote or a line break; quotes inside are doubled.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields) =>
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
}
