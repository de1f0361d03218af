using Custodian.Server.Ui;
using Custodian.Statement;

namespace Custodian.Server.Pages.Privacy;

/// <summary>The privacy statement rendered from the policy in force, in the person's language (the same renderer the CLI publishes with).</summary>
public sealed class StatementModel : UiPageModel
{
    /// <summary>The statement's title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The statement's HTML, from its header to the end of its main content (already encoded by the renderer).</summary>
    public string Body { get; private set; } = "";

    /// <summary>Renders the statement.</summary>
    public void OnGet()
    {
        var html = StatementRenderer.Render(Runtime.Policy, Ui.Language, StatementFormat.Html);
        var start = html.IndexOf("<header>", StringComparison.Ordinal);
        var end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        Body = start >= 0 && end > start ? html[start..(end + "</main>".Length)].Replace("<main>", "<div>", StringComparison.Ordinal).Replace("</main>", "</div>", StringComparison.Ordinal) : html;
        Title = (StatementText.For(Ui.Language) ?? StatementText.En).Title;
    }
}
