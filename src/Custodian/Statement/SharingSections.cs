using System.Collections.Immutable;
using Custodian.Policy;

namespace Custodian.Statement;

/// <summary>Builds the sections about who receives data, transfers outside the EU/EEA, and app permissions.</summary>
internal static class SharingSections
{
    public static StatementSection Recipients(StatementContext context)
    {
        var text = context.Text;
        var document = context.Document;
        var blocks = ImmutableArray.CreateBuilder<StatementBlock>();
        if (document.Recipients.IsEmpty)
        {
            blocks.Add(new StatementParagraph(text.NoRecipients));
        }
        else
        {
            blocks.Add(new StatementParagraph(document.Recipients.All(r => r.NeedsAuthorisation) ? text.AllNeedAuthorisation : text.RecipientsIntro));
            var rows = document.Recipients.Select(recipient =>
            {
                var receives = text.Receives(
                    context.NameList(recipient.Categories.Select(context.CategoryName)),
                    context.NameListInSentence(recipient.Purposes.Select(context.PurposeName)));
                if (recipient.Description.Get(context.Language) is { } description) receives = $"{description} {receives}";
                if (recipient.NeedsAuthorisation) receives = $"{receives} {text.OnlyWithAuthorisation}";
                return ImmutableArray.Create(
                    recipient.Name,
                    text.Role(recipient.Role),
                    receives,
                    text.Country(recipient.Country),
                    text.Mechanism(recipient.Mechanism, Custodian.Policy.Transfers.IsInsideEea(recipient.Country)));
            }).ToImmutableArray();
            blocks.Add(new StatementTable(text.RecipientsHeading, [text.RecipientHeader, text.RoleHeader, text.ReceivesHeader, text.CountryHeader, text.SafeguardHeader], rows));
        }

        if (document.SaleNever) blocks.Add(new StatementParagraph(text.SaleNever));
        return new StatementSection("recipients", text.RecipientsHeading, blocks.ToImmutable());
    }

    public static StatementSection TransfersAbroad(StatementContext context)
    {
        var text = context.Text;
        var outside = context.Document.Recipients.Where(r => !Custodian.Policy.Transfers.IsInsideEea(r.Country)).ToList();
        if (outside.Count == 0 || context.Document.TransferRule != TransferRule.MechanismRequired)
            return new StatementSection("transfers", text.TransfersHeading, [new StatementParagraph(text.NoTransfers(context.Document.TransferRule))]);

        var rows = outside
            .Select(r => ImmutableArray.Create(r.Name, text.Country(r.Country), text.Mechanism(r.Mechanism, insideEea: false)))
            .ToImmutableArray();
        return new StatementSection("transfers", text.TransfersHeading,
        [
            new StatementParagraph(text.TransfersIntro),
            new StatementTable(text.TransfersHeading, [text.RecipientHeader, text.CountryHeader, text.SafeguardHeader], rows),
        ]);
    }

    public static StatementSection? Permissions(StatementContext context)
    {
        var text = context.Text;
        if (context.Document.Permissions.IsEmpty) return null;
        var rows = context.Document.Permissions.Select(permission => ImmutableArray.Create(
            permission.Name.Get(context.Language) ?? permission.Key,
            permission.Description.Get(context.Language) ?? "",
            context.NameList(permission.Gates.Select(context.CategoryName)))).ToImmutableArray();
        return new StatementSection("permissions", text.PermissionsHeading,
        [
            new StatementParagraph(text.PermissionsIntro),
            new StatementTable(text.PermissionsHeading, [text.PermissionHeader, text.WhyWeAskHeader, text.DataHeader], rows),
        ]);
    }
}
