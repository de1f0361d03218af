using System.Collections.Immutable;
using Custodian.Policy;

namespace Custodian.Statement;

/// <summary>Builds "how long we keep your data": each rule in natural language, what happens then, and legal duties.</summary>
internal static class RetentionSection
{
    public static StatementSection Build(StatementContext context)
    {
        var text = context.Text;
        var rules = context.Document.Retention.Rules;
        var blocks = ImmutableArray.CreateBuilder<StatementBlock>();
        blocks.Add(new StatementParagraph(text.RetentionIntro));
        var rows = rules.Select(rule =>
        {
            var howLong = StatementContext.Capitalise(text.RetentionPeriod(rule)) + (rule.LegalDuty ? " " + text.RequiredByLaw : "") + ".";
            if (rule.Description.Get(context.Language) is { } description) howLong = $"{howLong} {description}";
            return ImmutableArray.Create(Scope(context, rule), howLong, text.Action(rule.Action));
        }).ToImmutableArray();
        if (!rows.IsEmpty) blocks.Add(new StatementTable(text.RetentionHeading, [text.DataHeader, text.HowLongHeader, text.ThenHeader], rows));

        var duties = rules.Where(r => r.LegalDuty).ToList();
        if (duties.Count > 0)
        {
            blocks.Add(new StatementParagraph(text.LegalDutyIntro));
            blocks.Add(new StatementList(duties.Select(r => new StatementItem(null, $"{Scope(context, r)}: {text.RetentionPeriod(r)}.")).ToImmutableArray()));
        }

        blocks.Add(new StatementParagraph(text.Dispute));
        blocks.Add(new StatementParagraph(text.OtherData));
        return new StatementSection("retention", text.RetentionHeading, blocks.ToImmutable());
    }

    /// <summary>What a rule covers, in words: its categories, the data of its purposes, or both.</summary>
    public static string Scope(StatementContext context, RetentionRule rule)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        var text = context.Text;
        var purposes = context.NameListInSentence(rule.Purposes.Select(context.PurposeName));
        var categories = context.NameList(rule.Categories.Select(context.CategoryName));
        return (rule.Categories.IsEmpty, rule.Purposes.IsEmpty) switch
        {
            (true, true) => text.AllData,
            (true, false) => text.DataFor(purposes),
            (false, true) => categories,
            _ => text.CategoriesFor(categories, purposes),
        };
    }
}
