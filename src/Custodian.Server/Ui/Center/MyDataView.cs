using Custodian.Policy;
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
            categories.Add(new HeldCategory(group.Key, facts.Name, values, uses, recipients, Deletion(policy, group.Key, [.. group.Select(r => r.Record)], ui), held));
        }

        var readings = events.Select(e => t.ReadingsSummary(
            CategoryFacts.For(policy, e.CategoryKey, language).Name,
            e.Count,
            ui.Statement.FormatDate(DateOnly.FromDateTime(e.First.UtcDateTime)),
            ui.Statement.FormatDate(DateOnly.FromDateTime(e.Last.UtcDateTime)))).ToList();
        categories.Sort((a, b) => (a.Key == "user.name" ? 0 : 1).CompareTo(b.Key == "user.name" ? 0 : 1) is var first and not 0 ? first : string.CompareOrdinal(a.Key, b.Key));
        return new MyDataView(categories, readings, state.IsRestrictedAt(DateTimeOffset.MaxValue));
    }

    // One line per copy: a date when the expiry is known, else the retention rules that will set it; the purpose named when copies differ.
    private static List<string> Deletion(CompiledPolicy policy, string categoryKey, IReadOnlyList<StoredRecord> records, UiContext ui)
    {
        var lines = new List<(string Purpose, string Text)>();
        foreach (var record in records)
        {
            var purpose = policy.TryGetPurpose(record.PurposeKey, out var id) ? policy.Purpose(id).Definition.Name.Get(ui.Language) ?? record.PurposeKey : record.PurposeKey;
            string text;
            if (record.ExpiresAt is { } at)
            {
                text = ui.Text.DeletedOn(ui.Statement.FormatDate(DateOnly.FromDateTime(at.UtcDateTime)));
            }
            else
            {
                var rules = policy.Document.Retention.Rules.Where(rule => Custodian.Retention.RetentionScope.Covers(rule, categoryKey, record.PurposeKey)).Select(ui.Statement.RetentionPeriod).Distinct(StringComparer.Ordinal).ToList();
                text = rules.Count == 0 ? ui.Text.NoRetentionRule : Capital(ui.Statement.JoinOr(rules)) + ".";
            }

            if (!lines.Contains((purpose, text))) lines.Add((purpose, text));
        }

        return lines.Select(l => l.Text).Distinct(StringComparer.Ordinal).Count() == 1 ? [lines[0].Text] : [.. lines.Select(l => $"{l.Purpose}: {l.Text}")];
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..];
}
