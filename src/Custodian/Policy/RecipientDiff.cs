namespace Custodian.Policy;

/// <summary>The recipient and transfer part of <see cref="PolicyDiff"/>.</summary>
internal static class RecipientDiff
{
    public static void Compare(PolicyDocument before, PolicyDocument after, Action<PolicyChangeKind, bool, string, string[]> add)
    {
        var old = before.Recipients.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var recipient in after.Recipients)
        {
            if (!old.TryGetValue(recipient.Key, out var was))
            {
                var where = Transfers.IsInsideEea(recipient.Country) ? recipient.Country : $"{recipient.Country}, outside the EU/EEA, under {Mechanism(recipient.Mechanism)}";
                add(PolicyChangeKind.RecipientAdded, true, $"new recipient '{recipient.Key}' ({recipient.Name}, {where}) for {string.Join(", ", recipient.Purposes)}", [recipient.Key]);
                continue;
            }

            var nowOutside = !Transfers.IsInsideEea(recipient.Country);
            if (was.Country != recipient.Country || was.Mechanism != recipient.Mechanism)
            {
                var newTransfer = nowOutside && (Transfers.IsInsideEea(was.Country) || was.Country != recipient.Country);
                add(newTransfer ? PolicyChangeKind.TransferAdded : PolicyChangeKind.RecipientChanged, newTransfer,
                    $"recipient '{recipient.Key}' now processes data in {recipient.Country} under {Mechanism(recipient.Mechanism)} (was {was.Country} under {Mechanism(was.Mechanism)})", [recipient.Key]);
            }

            foreach (var purpose in recipient.Purposes.Except(was.Purposes))
                add(PolicyChangeKind.RecipientAdded, true, $"recipient '{recipient.Key}' now receives data for purpose '{purpose}'", [recipient.Key, purpose]);
            foreach (var category in recipient.Categories.Except(was.Categories))
                add(PolicyChangeKind.RecipientAdded, true, $"recipient '{recipient.Key}' now receives category '{category}'", [recipient.Key, category]);
            foreach (var purpose in was.Purposes.Except(recipient.Purposes))
                add(PolicyChangeKind.RecipientRemoved, false, $"recipient '{recipient.Key}' no longer receives data for purpose '{purpose}'", [recipient.Key, purpose]);
            foreach (var category in was.Categories.Except(recipient.Categories))
                add(PolicyChangeKind.RecipientRemoved, false, $"recipient '{recipient.Key}' no longer receives category '{category}'", [recipient.Key, category]);
            if (was.NeedsAuthorisation && !recipient.NeedsAuthorisation)
                add(PolicyChangeKind.RecipientChanged, true, $"recipient '{recipient.Key}' no longer needs the person's own prior authorisation", [recipient.Key]);
            else if (!was.NeedsAuthorisation && recipient.NeedsAuthorisation)
                add(PolicyChangeKind.RecipientChanged, false, $"recipient '{recipient.Key}' now needs the person's own prior authorisation", [recipient.Key]);
            if (was.Name != recipient.Name || was.Role != recipient.Role || !was.Description.SameAs(recipient.Description))
                add(PolicyChangeKind.WordingChanged, false, $"name, role or description of recipient '{recipient.Key}' changed", [recipient.Key]);
        }

        foreach (var recipient in before.Recipients.Where(r => after.Recipients.All(n => n.Key != r.Key)))
            add(PolicyChangeKind.RecipientRemoved, false, $"recipient '{recipient.Key}' removed", [recipient.Key]);

        if (Strictness(after.TransferRule) < Strictness(before.TransferRule))
            add(PolicyChangeKind.TransferAdded, true, $"transfer rule loosened from {Rule(before.TransferRule)} to {Rule(after.TransferRule)}", []);
        else if (after.TransferRule != before.TransferRule)
            add(PolicyChangeKind.OtherChanged, false, $"transfer rule tightened from {Rule(before.TransferRule)} to {Rule(after.TransferRule)}", []);
    }

    private static int Strictness(TransferRule rule) => rule switch
    {
        TransferRule.EuOnly => 2,
        TransferRule.EeaOnly => 1,
        _ => 0,
    };

    private static string Rule(TransferRule rule) => PolicyVocabulary.NameOf(PolicyVocabulary.TransferRules, rule);

    private static string Mechanism(TransferMechanism mechanism) => PolicyVocabulary.NameOf(PolicyVocabulary.TransferMechanisms, mechanism);
}
