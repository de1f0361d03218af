using System.Collections.Immutable;
using Custodian.Policy;

namespace Custodian.Statement;

/// <summary>
/// Builds the privacy statement from a compiled policy, section by section in the order Art. 13 GDPR
/// information is usually read, so the statement a company publishes is derived from the policy it enforces.
/// </summary>
public static class StatementBuilder
{
    /// <summary>Builds the statement in <paramref name="language"/>.</summary>
    /// <exception cref="ArgumentException">No wording exists for <paramref name="language"/> (see <see cref="StatementText.SupportedLanguages"/>).</exception>
    public static StatementDocument Build(CompiledPolicy policy, string language)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var text = StatementText.For(language)
            ?? throw new ArgumentException($"No statement wording for language '{language}'; available: {string.Join(", ", StatementText.SupportedLanguages)}.", nameof(language));
        var context = new StatementContext(policy, text);
        var document = policy.Document;
        var controller = document.Controller;

        var sections = new List<StatementSection?>
        {
            new("controller", text.WhoHeading, [new StatementParagraph(text.Who(controller.Name)), context.PartyDetails(controller)]),
            document.Dpo is { } dpo ? new("dpo", text.DpoHeading, [new StatementParagraph(text.Dpo(dpo.Name)), context.PartyDetails(dpo)]) : null,
            DataSections.Collected(context),
            DataSections.Purposes(context),
            DataSections.Special(context),
            SharingSections.Recipients(context),
            SharingSections.TransfersAbroad(context),
            SharingSections.Permissions(context),
            RetentionSection.Build(context),
            RightsSections.Rights(context),
            RightsSections.AutomatedDecisions(context),
            RightsSections.Cookies(context),
            RightsSections.Children(context),
            RightsSections.Changes(context),
            new("contact", text.ContactHeading, [new StatementParagraph(text.Contact(controller.Name)), context.PartyDetails(controller)]),
            new("complaints", text.ComplaintHeading, [new StatementParagraph(text.Complaint(document.Authority.Name)), context.PartyDetails(document.Authority)]),
        };

        return new StatementDocument(
            text.Language,
            text.Title,
            controller.Name,
            [new StatementParagraph(text.Intro(controller.Name)), new StatementParagraph(text.VersionLine(document.Version, document.Effective))],
            text.Contents,
            sections.OfType<StatementSection>().ToImmutableArray());
    }
}
