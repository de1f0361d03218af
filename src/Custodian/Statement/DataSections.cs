using System.Collections.Immutable;
using Custodian.Policy;

namespace Custodian.Statement;

/// <summary>Builds the sections about data: what is collected, why and on what legal basis, and sensitive data.</summary>
internal static class DataSections
{
    public static StatementSection Collected(StatementContext context)
    {
        var text = context.Text;
        var blocks = ImmutableArray.CreateBuilder<StatementBlock>();
        blocks.Add(new StatementParagraph(text.CollectIntro));
        var groups = context.ListedCategories
            .GroupBy(key => CategoryGrouping.Of(key, context.IsSpecial(key)))
            .OrderBy(group => group.Key);
        foreach (var group in groups)
        {
            var rows = group
                .Select(key => ImmutableArray.Create(
                    context.CategoryName(key),
                    context.NameList(context.PurposesUsing(key).Select(p => context.PurposeName(p.Key)))))
                .ToImmutableArray();
            blocks.Add(new StatementTable(text.Group(group.Key), [text.DataHeader, text.UsedForHeader], rows));
        }

        return new StatementSection("data", text.CollectHeading, blocks.ToImmutable());
    }

    public static StatementSection Purposes(StatementContext context)
    {
        var text = context.Text;
        var blocks = ImmutableArray.CreateBuilder<StatementBlock>();
        blocks.Add(new StatementParagraph(text.PurposesIntro));
        foreach (var purpose in context.Document.Purposes)
        {
            blocks.Add(new StatementSubheading(context.PurposeName(purpose.Key)));
            if (purpose.Description.Get(context.Language) is { } description) blocks.Add(new StatementParagraph(description));
            blocks.Add(new StatementList(PurposeItems(context, purpose)));
        }

        return new StatementSection("purposes", text.PurposesHeading, blocks.ToImmutable());
    }

    public static StatementSection? Special(StatementContext context)
    {
        var text = context.Text;
        var special = context.ListedCategories.Where(context.IsSpecial).ToList();
        if (special.Count == 0) return null;
        var rows = special.Select(key =>
        {
            var purposes = context.PurposesUsing(key).ToList();
            var conditions = purposes.Select(Condition).Distinct().Select(text.Condition);
            return ImmutableArray.Create(
                context.CategoryName(key),
                context.NameList(purposes.Select(p => context.PurposeName(p.Key))),
                string.Join("; ", conditions));
        }).ToImmutableArray();
        return new StatementSection("sensitive", text.SpecialHeading,
        [
            new StatementParagraph(text.SpecialIntro),
            new StatementTable(text.SpecialHeading, [text.DataHeader, text.PurposeHeader, text.ConditionHeader], rows),
        ]);
    }

    private static SpecialCategoryCondition Condition(PurposeDefinition purpose) =>
        purpose.SpecialCondition != SpecialCategoryCondition.None ? purpose.SpecialCondition : SpecialCategoryCondition.ExplicitConsent;

    private static ImmutableArray<StatementItem> PurposeItems(StatementContext context, PurposeDefinition purpose)
    {
        var text = context.Text;
        var items = ImmutableArray.CreateBuilder<StatementItem>();
        items.Add(new(text.LegalBasisLabel, text.Basis(purpose.Basis)));
        if (purpose.Basis == LegalBasis.LegitimateInterest && purpose.Interest.Get(context.Language) is { } interest)
            items.Add(new(text.InterestLabel, interest));
        items.Add(new(text.DataUsedLabel, context.NameList(purpose.Categories.Select(context.CategoryName)) + "."));
        if (!purpose.Required.IsEmpty)
            items.Add(new(text.RequiredLabel, text.Required(context.NameListInSentence(purpose.Required.Select(context.CategoryName)), purpose.Basis)));

        var choice = new List<string>();
        if (purpose.ExistingCustomersOnly) choice.Add(text.ExistingCustomersOnly);
        if (purpose.Basis == LegalBasis.Consent)
        {
            if (purpose.ExplicitConsent) choice.Add(text.ExplicitConsent);
            choice.Add(text.ConsentWithdrawal);
        }
        else if (purpose.Basis == LegalBasis.LegitimateInterest)
        {
            choice.Add(purpose.Key.StartsWith("marketing", StringComparison.Ordinal) ? text.DirectMarketingObjection : text.Objection);
        }
        else if (!purpose.OptOut)
        {
            choice.Add(text.NoOptOut);
        }

        if (choice.Count > 0) items.Add(new(text.YourChoiceLabel, string.Join(" ", choice)));
        if (purpose.Basis == LegalBasis.Contract && purpose.AfterContract is { } after)
            items.Add(new(text.DurationLabel, text.AfterContract(after, purpose.ContractKind)));

        var recipients = context.Document.Recipients.Where(r => r.Purposes.Contains(purpose.Key)).Select(r => r.Name).ToList();
        if (recipients.Count > 0) items.Add(new(text.SharedWithLabel, text.JoinNames(recipients) + "."));
        return items.ToImmutable();
    }
}
