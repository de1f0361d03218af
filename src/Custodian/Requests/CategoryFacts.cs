using Custodian.Policy;
using Custodian.Statement;

namespace Custodian.Requests;

/// <summary>What Art. 15 asks to be told about one category: purposes with legal bases, recipients, and the retention in words.</summary>
/// <param name="CategoryKey">The category.</param>
/// <param name="Name">Its name in the person's language.</param>
/// <param name="Purposes">Purpose keys that may use it, with their legal bases.</param>
/// <param name="Recipients">Recipient keys declared for it and one of those purposes.</param>
/// <param name="Retention">How long it is kept, in words, from the covering retention rules.</param>
public sealed record CategoryFacts(string CategoryKey, string Name, IReadOnlyList<(string Purpose, string Name, LegalBasis Basis)> Purposes, IReadOnlyList<string> Recipients, IReadOnlyList<string> Retention)
{
    /// <summary>Gathers the facts for a category from the policy, in <paramref name="language"/>.</summary>
    public static CategoryFacts For(CompiledPolicy policy, string categoryKey, string language)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var text = StatementText.For(language) ?? StatementText.En;
        if (!policy.TryGetCategory(categoryKey, out var id)) return new CategoryFacts(categoryKey, categoryKey, [], [], []);
        var purposes = policy.PurposesUsing(id).ToList();
        var recipients = policy.Recipients.Where(r => r.Categories.Contains(id.Value) && purposes.Any(p => r.Purposes.Contains(p.Id.Value))).Select(r => r.Key).ToList();
        var retention = policy.Document.Retention.Rules
            .Where(rule => purposes.Any(p => Custodian.Retention.RetentionScope.Covers(rule, categoryKey, p.Key)))
            .Select(text.RetentionPeriod)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new CategoryFacts(
            categoryKey,
            policy.Category(id).Name.Get(language) ?? categoryKey,
            [.. purposes.Select(p => (p.Key, p.Definition.Name.Get(language) ?? p.Key, p.Basis))],
            recipients,
            retention);
    }
}
