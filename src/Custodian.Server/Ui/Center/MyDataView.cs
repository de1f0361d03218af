using Custodian.Requests;
using Custodian.Server.Ui.Text;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Server.Ui.Center;

/// <summary>
/// What "My data" shows a signed-in person: every category held with its values, why it is used and on what legal basis
/// (and whether that use applies to them now), who receives it and when it is deleted; readings counted, not decrypted.
/// Reading the values is audited as the person's own access (<c>rights.access</c>).
/// </summary>
public sealed record MyDataView(IReadOnlyList<HeldCategory> Categories, IReadOnlyList<string> Readings, bool Restricted)
{
    /// <summary>Builds the view for <paramref name="subjectId"/> in the language of <paramref name="ui"/>.</summary>
    public static async Task<MyDataView> BuildAsync(DataVault vault, string subjectId, UiContext ui, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(ui);
        var policy = vault.Policy;
        var t = ui.Text;
        var language = ui.Language;
        var records = await vault.ReadForRightsAsync(subjectId, "access", SignInCodes.Actor, cancellationToken);
        var events = await vault.Store.CountEventsByCategoryAsync(subjectId, cancellationToken);
        var (state, _) = await vault.LoadFactsAsync(subjectId, cancellationToken);

        var groups = records.GroupBy(r => r.Record.CategoryKey, StringComparer.Ordinal).ToList();
        var questions = groups
            .SelectMany(g => CategoryFacts.For(policy, g.Key, language).Purposes.Select(p => new DecisionQuestion(g.Key, p.Purpose)))
            .ToList();
        var answers = questions.Count == 0 ? [] : await vault.DecideAsync(subjectId, questions, null, SignInCodes.Actor, cancellationToken);
        var allowed = answers.ToDictionary(a => (a.CategoryKey, a.Purpose), a => a);

        var categories = new List<HeldCategory>();
        foreach (var group in groups)
        {
            var facts = CategoryFacts.For(policy, group.Key, language);
            var held = group.All(r => r.HeldForLegalDuty);
            var values = group.Select(r => r.Secret ? t.SecretNotShown : r.Value ?? "").Distinct(StringComparer.Ordinal).ToList();
            var uses = facts.Purposes.Select(p =>
            {
                var answer = allowed.GetValueOrDefault((group.Key, p.Purpose));
                var inUse = answer?.Allowed ?? false;
                return new PurposeUse(p.Name, t.BasisShort(p.Basis), inUse, inUse ? null : t.WhyNotInUse(answer?.Reasons ?? []));
            }).ToList();
            var recipients = facts.Recipients.Select(key =>
            {
                if (!policy.TryGetRecipient(key, out var id)) return key;
                var recipient = policy.Recipient(id).Definition;
                return recipient.NeedsAuthorisation ? t.OnlyWithYourAgreement(recipient.Name) : recipient.Name;
            }).ToList();
            var expiry = group.Select(r => r.Record.ExpiresAt).Where(e => e is not null).Min();
            var deletion = expiry is { } at
                ? t.DeletedOn(ui.Statement.FormatDate(DateOnly.FromDateTime(at.UtcDateTime)))
                : facts.Retention.Count > 0 ? string.Join("; ", facts.Retention) : t.NoRetentionRule;
            categories.Add(new HeldCategory(group.Key, facts.Name, values, uses, recipients, deletion, held));
        }

        var readings = events.Select(e => t.ReadingsSummary(
            CategoryFacts.For(policy, e.CategoryKey, language).Name,
            e.Count,
            ui.Statement.FormatDate(DateOnly.FromDateTime(e.First.UtcDateTime)),
            ui.Statement.FormatDate(DateOnly.FromDateTime(e.Last.UtcDateTime)))).ToList();
        return new MyDataView(categories, readings, state.IsRestrictedAt(DateTimeOffset.MaxValue));
    }
}
