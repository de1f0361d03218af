using System.Text;

namespace Custodian.Records;

/// <summary>Writes the record of processing as Markdown: one section per activity with a field/value table, readable by an auditor.</summary>
public static class RecordMarkdownWriter
{
    /// <summary>The record as Markdown, ending with one newline.</summary>
    public static string Write(RecordOfProcessing record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var md = new StringBuilder();
        md.Append("# Record of processing activities (GDPR Art. 30)\n\n");
        md.Append("- **Controller:** ").Append(Cell(record.Controller)).Append('\n');
        if (record.Dpo is not null) md.Append("- **Data protection officer:** ").Append(Cell(record.Dpo)).Append('\n');
        md.Append("- **Policy:** ").Append(Cell(record.PolicyId)).Append(", version ").Append(Cell(record.PolicyVersion))
            .Append(", in force from ").Append(record.Effective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var activity in record.Activities)
        {
            var cells = RecordCells.Of(activity);
            md.Append("\n## ").Append(Cell(activity.Purpose)).Append("\n\n| Field | Value |\n| --- | --- |\n");
            for (var i = 0; i < cells.Length; i++)
            {
                if (i == 1) continue;
                md.Append("| ").Append(RecordCells.Headers[i]).Append(" | ").Append(Cell(cells[i])).Append(" |\n");
            }
        }

        return md.ToString();
    }

    private static string Cell(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|') result.Append('\\');
            result.Append(c);
        }

        return result.ToString();
    }
}
