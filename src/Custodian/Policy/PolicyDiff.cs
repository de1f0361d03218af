using System.Collections.Immutable;

namespace Custodian.Policy;

/// <summary>
/// Compares two versions of a policy and classifies each change as material (people must be told before it
/// takes effect: a new purpose, new data for a purpose, a new recipient or transfer, longer retention, a changed
/// legal basis or meaning) or minor (wording, removals, shorter retention, contact details, version and date).
/// </summary>
public static class PolicyDiff
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, material first, each group in policy order.</summary>
    public static PolicyDiffResult Compare(PolicyDocument before, PolicyDocument after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<PolicyChange>();
        void Add(PolicyChangeKind kind, bool material, string description, params string[] keys) => changes.Add(new(kind, material, description, [.. keys]));

        if (before.Version != after.Version) Add(PolicyChangeKind.VersionChanged, false, $"version changed from {before.Version} to {after.Version}");
        if (before.Effective != after.Effective) Add(PolicyChangeKind.EffectiveDateChanged, false, $"effective date changed from {before.Effective:yyyy-MM-dd} to {after.Effective:yyyy-MM-dd}");
        ComparePurposes(before, after, Add);
        RecipientDiff.Compare(before, after, Add);
        RetentionDiff.Compare(before, after, Add);
        CompareRights(before, after, Add);
        CompareParty("controller", before.Controller, after.Controller, Add);
        CompareParty("authority", before.Authority, after.Authority, Add);
        if (before.Dpo is null != after.Dpo is null) Add(PolicyChangeKind.ContactChanged, false, after.Dpo is null ? "the data protection officer is no longer named" : $"data protection officer named: {after.Dpo.Name}");
        else if (before.Dpo is not null && after.Dpo is not null) CompareParty("data protection officer", before.Dpo, after.Dpo, Add);

        if (before.SaleNever && !after.SaleNever) Add(PolicyChangeKind.SaleAllowed, true, "the promise that personal data is never sold was removed");
        else if (!before.SaleNever && after.SaleNever) Add(PolicyChangeKind.OtherChanged, false, "the policy now promises that personal data is never sold");
        if (!before.AutomatedDecisions.Used && after.AutomatedDecisions.Used) Add(PolicyChangeKind.CollectionWidened, true, "solely automated decisions are now made");
        else if (before.AutomatedDecisions.Used != after.AutomatedDecisions.Used) Add(PolicyChangeKind.OtherChanged, false, "solely automated decisions are no longer made");

        foreach (var permission in after.Permissions.Where(p => before.Permissions.All(o => o.Key != p.Key)))
            Add(PolicyChangeKind.CollectionWidened, true, $"new app permission '{permission.Key}'", permission.Key);
        foreach (var permission in before.Permissions.Where(p => after.Permissions.All(n => n.Key != p.Key)))
            Add(PolicyChangeKind.OtherChanged, false, $"app permission '{permission.Key}' removed", permission.Key);
        foreach (var category in after.Categories)
        {
            var old = before.Categories.FirstOrDefault(c => c.Key == category.Key);
            if (old is not null && (!old.Name.SameAs(category.Name) || !old.Description.SameAs(category.Description)))
                Add(PolicyChangeKind.WordingChanged, false, $"wording of category '{category.Key}' changed", category.Key);
        }

        if (before.Changes.NoticePeriod != after.Changes.NoticePeriod)
            Add(PolicyChangeKind.OtherChanged, false, $"notice period for changes changed from {before.Changes.NoticePeriod} to {after.Changes.NoticePeriod}");
        if (!before.Cookies.Select(c => c.Key).SequenceEqual(after.Cookies.Select(c => c.Key)))
            Add(PolicyChangeKind.OtherChanged, false, "cookie categories changed");

        return new PolicyDiffResult(changes.OrderByDescending(c => c.Material).ToImmutableArray());
    }

    private static void ComparePurposes(PolicyDocument before, PolicyDocument after, Action<PolicyChangeKind, bool, string, string[]> add)
    {
        var old = before.Purposes.ToDictionary(p => p.Key, StringComparer.Ordinal);
        foreach (var purpose in after.Purposes)
        {
            if (!old.TryGetValue(purpose.Key, out var was))
            {
                add(PolicyChangeKind.PurposeAdded, true, $"new purpose '{purpose.Key}' ({purpose.Name.Get("en")}) on {Basis(purpose.Basis)}", [purpose.Key]);
                continue;
            }

            if (was.Basis != purpose.Basis)
                add(PolicyChangeKind.LegalBasisChanged, true, $"purpose '{purpose.Key}' changed its legal basis from {Basis(was.Basis)} to {Basis(purpose.Basis)}", [purpose.Key]);
            if (!was.Description.SameAs(purpose.Description))
                add(PolicyChangeKind.PurposeMeaningChanged, true, $"purpose '{purpose.Key}' now means something else: its description changed", [purpose.Key]);
            if (!was.Name.SameAs(purpose.Name) || !was.Interest.SameAs(purpose.Interest))
                add(PolicyChangeKind.WordingChanged, false, $"wording of purpose '{purpose.Key}' changed", [purpose.Key]);
            foreach (var category in purpose.Categories.Except(was.Categories))
                add(PolicyChangeKind.CategoryAdded, true, $"purpose '{purpose.Key}' may now use category '{category}'", [purpose.Key, category]);
            foreach (var category in was.Categories.Except(purpose.Categories))
                add(PolicyChangeKind.CategoryRemoved, false, $"purpose '{purpose.Key}' no longer uses category '{category}'", [purpose.Key, category]);
            var (wasAfter, nowAfter) = (was.AfterContract?.ApproximateDays ?? 0, purpose.AfterContract?.ApproximateDays ?? 0);
            if (nowAfter > wasAfter)
                add(PolicyChangeKind.RetentionLonger, true, $"purpose '{purpose.Key}' now continues {purpose.AfterContract} after the contract ends (was {was.AfterContract?.ToString() ?? "P0D"})", [purpose.Key]);
            else if (nowAfter < wasAfter)
                add(PolicyChangeKind.RetentionShorter, false, $"purpose '{purpose.Key}' now continues {purpose.AfterContract?.ToString() ?? "P0D"} after the contract ends (was {was.AfterContract})", [purpose.Key]);
        }

        foreach (var purpose in before.Purposes.Where(p => after.Purposes.All(n => n.Key != p.Key)))
            add(PolicyChangeKind.PurposeRemoved, false, $"purpose '{purpose.Key}' removed", [purpose.Key]);
    }

    private static void CompareRights(PolicyDocument before, PolicyDocument after, Action<PolicyChangeKind, bool, string, string[]> add)
    {
        string Name(DataSubjectRight right) => PolicyVocabulary.NameOf(PolicyVocabulary.Rights, right);
        foreach (var right in before.Rights.Offered.Except(after.Rights.Offered))
            add(PolicyChangeKind.RightsReduced, true, $"right '{Name(right)}' is no longer offered", [Name(right)]);
        foreach (var right in after.Rights.Offered.Except(before.Rights.Offered))
            add(PolicyChangeKind.RightsExtended, false, $"right '{Name(right)}' is now offered", [Name(right)]);
        var (was, now) = (before.Rights.ResponseTime, after.Rights.ResponseTime);
        if (now.ApproximateDays > was.ApproximateDays) add(PolicyChangeKind.RightsReduced, true, $"requests are now answered within {now} (was {was})", []);
        else if (now != was) add(PolicyChangeKind.RightsExtended, false, $"requests are now answered within {now} (was {was})", []);
        if (before.Rights.ContactEmail != after.Rights.ContactEmail || before.Rights.ContactUrl != after.Rights.ContactUrl)
            add(PolicyChangeKind.ContactChanged, false, "the contact for rights requests changed", []);
    }

    private static void CompareParty(string role, Party before, Party after, Action<PolicyChangeKind, bool, string, string[]> add)
    {
        var fields = new (string Name, string? Was, string? Now)[]
        {
            ("name", before.Name, after.Name), ("address", before.Address, after.Address), ("registration", before.Registration, after.Registration),
            ("email", before.Email, after.Email), ("phone", before.Phone, after.Phone), ("website", before.Url, after.Url),
        };
        foreach (var (name, was, now) in fields.Where(f => f.Was != f.Now))
            add(PolicyChangeKind.ContactChanged, false, $"the {role}'s {name} changed from '{was ?? "(none)"}' to '{now ?? "(none)"}'", []);
    }

    internal static string Basis(LegalBasis basis) => PolicyVocabulary.NameOf(PolicyVocabulary.LegalBases, basis);
}
