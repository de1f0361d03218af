namespace Custodian.Policy;

/// <summary>The retention part of <see cref="PolicyDiff"/>: rules matched by id, else by the same scope.</summary>
internal static class RetentionDiff
{
    public static void Compare(PolicyDocument before, PolicyDocument after, Action<PolicyChangeKind, bool, string, string[]> add)
    {
        var unmatched = before.Retention.Rules.ToList();
        foreach (var rule in after.Retention.Rules)
        {
            var was = unmatched.FirstOrDefault(r => r.Id == rule.Id) ?? unmatched.FirstOrDefault(r => SameScope(r, rule));
            if (was is null)
            {
                add(PolicyChangeKind.RetentionShorter, false, $"new retention rule '{rule.Id}': keep {rule.Keep} from {Anchor(rule.From)}", [rule.Id]);
                continue;
            }

            unmatched.Remove(was);
            var name = was.Id == rule.Id ? $"'{rule.Id}'" : $"'{rule.Id}' (was '{was.Id}')";
            if (rule.Keep.ApproximateDays > was.Keep.ApproximateDays)
                add(PolicyChangeKind.RetentionLonger, true, $"retention rule {name} keeps data longer: {rule.Keep} (was {was.Keep})", [rule.Id]);
            else if (rule.Keep.ApproximateDays < was.Keep.ApproximateDays)
                add(PolicyChangeKind.RetentionShorter, false, $"retention rule {name} keeps data for less time: {rule.Keep} (was {was.Keep})", [rule.Id]);
            if (rule.From != was.From || rule.AnchorKind != was.AnchorKind)
                add(PolicyChangeKind.RetentionLonger, true, $"retention rule {name} now counts from {Anchor(rule.From)} (was {Anchor(was.From)})", [rule.Id]);
            if (rule.LegalDuty && !was.LegalDuty)
                add(PolicyChangeKind.RetentionLonger, true, $"retention rule {name} now keeps data under a legal duty, even against erasure", [rule.Id]);
            if (rule.Action != was.Action)
                add(PolicyChangeKind.OtherChanged, false, $"retention rule {name} now ends with {Action(rule.Action)} (was {Action(was.Action)})", [rule.Id]);
            if (!SameScope(rule, was))
                add(PolicyChangeKind.OtherChanged, false, $"retention rule {name} covers different purposes or categories", [rule.Id]);
        }

        foreach (var rule in unmatched)
        {
            if (!rule.Purposes.IsEmpty && rule.Purposes.All(p => after.Purposes.All(n => n.Key != p)))
                add(PolicyChangeKind.RetentionShorter, false, $"retention rule '{rule.Id}' removed together with its purposes", [rule.Id]);
            else
                add(PolicyChangeKind.RetentionLonger, true, $"retention rule '{rule.Id}' removed: its data no longer has a set limit", [rule.Id]);
        }
    }

    private static bool SameScope(RetentionRule a, RetentionRule b) =>
        a.Purposes.Order(StringComparer.Ordinal).SequenceEqual(b.Purposes.Order(StringComparer.Ordinal))
        && a.Categories.Order(StringComparer.Ordinal).SequenceEqual(b.Categories.Order(StringComparer.Ordinal));

    private static string Anchor(RetentionAnchor anchor) => PolicyVocabulary.NameOf(PolicyVocabulary.RetentionAnchors, anchor);

    private static string Action(RetentionAction action) => PolicyVocabulary.NameOf(PolicyVocabulary.RetentionActions, action);
}
