using System.Text;

namespace Custodian.Statement;

/// <summary>Writes a <see cref="StatementDocument"/> as CommonMark with GitHub-style tables.</summary>
public static class MarkdownStatementWriter
{
    /// <summary>The statement as Markdown, ending with one newline.</summary>
    public static string Write(StatementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(document.Title)).Append('\n');
        foreach (var block in document.Preamble) WriteBlock(md, block);
        foreach (var section in document.Sections)
        {
            md.Append("\n## ").Append(Escape(section.Heading)).Append('\n');
            foreach (var block in section.Blocks) WriteBlock(md, block);
        }

        return md.ToString();
    }

    private static void WriteBlock(StringBuilder md, StatementBlock block)
    {
        md.Append('\n');
        switch (block)
        {
            case StatementParagraph paragraph:
                md.Append(Escape(paragraph.Text)).Append('\n');
                break;
            case StatementSubheading subheading:
                md.Append("### ").Append(Escape(subheading.Text)).Append('\n');
                break;
            case StatementList list:
                foreach (var item in list.Items)
                {
                    md.Append("- ");
                    if (item.Label is not null) md.Append("**").Append(Escape(item.Label)).Append(":** ");
                    md.Append(Escape(item.Text)).Append('\n');
                }

                break;
            case StatementTable table:
                md.Append("**").Append(Escape(table.Caption)).Append("**\n\n");
                md.Append("| ").AppendJoin(" | ", table.Headers.Select(Cell)).Append(" |\n");
                md.Append('|').AppendJoin('|', table.Headers.Select(_ => " --- ")).Append("|\n");
                foreach (var row in table.Rows) md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
                break;
            default:
                throw new InvalidOperationException($"No Markdown for {block.GetType().Name}.");
        }
    }

    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Escapes the characters that would otherwise turn plain statement text into markup.</summary>
    private static string Escape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>') result.Append('\\');
            result.Append(c);
        }

        return result.ToString();
    }
}
