using System.Collections.Immutable;
using Custodian.Policy;

namespace Custodian.Statement;

/// <summary>Builds the sections about the person's rights, automated decisions, cookies, children and changes.</summary>
internal static class RightsSections
{
    public static StatementSection Rights(StatementContext context)
    {
        var text = context.Text;
        var document = context.Document;
        var rights = document.Rights;
        var items = rights.Offered
            .Select(right => text.Right(right, document.Authority.Name))
            .Select(right => new StatementItem(right.Label, right.Text))
            .ToImmutableArray();
        var blocks = ImmutableArray.CreateBuilder<StatementBlock>();
        blocks.Add(new StatementParagraph(text.RightsIntro));
        blocks.Add(new StatementList(items));
        blocks.Add(new StatementSubheading(text.HowToHeading));

        var channels = new[] { rights.ContactEmail ?? document.Controller.Email, rights.ContactUrl }.OfType<string>().ToList();
        if (channels.Count == 0 && document.Controller.Phone is { } phone) channels.Add(phone);
        var how = new List<string>();
        if (channels.Count > 0) how.Add(text.HowTo(text.JoinOr(channels)));
        how.Add(text.ResponseTime(rights.ResponseTime));
        if (rights.Extension is { } extension) how.Add(text.Extension(extension));
        blocks.Add(new StatementParagraph(string.Join(" ", how)));
        if (rights.VerifyIdentity) blocks.Add(new StatementParagraph(text.VerifyIdentity));
        blocks.Add(new StatementParagraph(text.FreeOfCharge));
        return new StatementSection("rights", text.RightsHeading, blocks.ToImmutable());
    }

    public static StatementSection AutomatedDecisions(StatementContext context)
    {
        var text = context.Text;
        var automated = context.Document.AutomatedDecisions;
        if (!automated.Used)
            return new StatementSection("automated-decisions", text.AutomatedHeading, [new StatementParagraph(text.NoAutomatedDecisions)]);
        var blocks = ImmutableArray.CreateBuilder<StatementBlock>();
        blocks.Add(new StatementParagraph(text.AutomatedDecisionsUsed));
        if (automated.Description.Get(context.Language) is { } description) blocks.Add(new StatementParagraph(description));
        blocks.Add(new StatementParagraph(text.AutomatedDecisionRights));
        return new StatementSection("automated-decisions", text.AutomatedHeading, blocks.ToImmutable());
    }

    public static StatementSection? Cookies(StatementContext context)
    {
        var text = context.Text;
        var cookies = context.Document.Cookies;
        if (cookies.IsEmpty) return null;
        var rows = cookies.Select(cookie => ImmutableArray.Create(
            cookie.Name.Get(context.Language) ?? cookie.Key,
            cookie.Description.Get(context.Language) ?? "",
            cookie.Required ? text.CookieRequired : text.CookieOptional)).ToImmutableArray();
        return new StatementSection("cookies", text.CookiesHeading,
        [
            new StatementParagraph(text.CookiesIntro),
            new StatementTable(text.CookiesHeading, [text.CookieCategoryHeader, text.CookieWhatHeader, text.YourChoiceLabel], rows),
        ]);
    }

    public static StatementSection? Children(StatementContext context)
    {
        var children = context.Document.Children;
        return children.MinimumAge is { } age
            ? new StatementSection("children", context.Text.ChildrenHeading, [new StatementParagraph(context.Text.Children(age, children.GuardianConsent))])
            : null;
    }

    public static StatementSection Changes(StatementContext context)
    {
        var changes = context.Document.Changes;
        return new StatementSection("changes", context.Text.ChangesHeading, [new StatementParagraph(context.Text.Changes(changes.NoticePeriod, changes.Channels))]);
    }
}
