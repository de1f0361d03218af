using Custodian.Policy;

namespace Custodian.Statement;

/// <summary>Renders the published privacy statement from a compiled policy, in one call per language and format.</summary>
public static class StatementRenderer
{
    /// <summary>The statement in <paramref name="language"/> as Markdown or as a standalone HTML page.</summary>
    /// <exception cref="ArgumentException">No wording exists for <paramref name="language"/>.</exception>
    public static string Render(CompiledPolicy policy, string language, StatementFormat format)
    {
        var document = StatementBuilder.Build(policy, language);
        return format == StatementFormat.Html ? HtmlStatementWriter.Write(document) : MarkdownStatementWriter.Write(document);
    }
}
