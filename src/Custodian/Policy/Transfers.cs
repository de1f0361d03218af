namespace Custodian.Policy;

/// <summary>The GDPR Chapter V reasoning about where a recipient's country lies and whether its mechanism holds.</summary>
public static class Transfers
{
    /// <summary>Whether the country is inside the EU/EEA, where no transfer mechanism is needed.</summary>
    public static bool IsInsideEea(string country) => PolicyVocabulary.EeaCountries.Contains(country);

    /// <summary>Whether a mechanism is a valid ground for a transfer to <paramref name="country"/>.</summary>
    public static bool MechanismHolds(TransferMechanism mechanism, string country) => mechanism switch
    {
        TransferMechanism.Adequacy => PolicyVocabulary.AdequateCountries.Contains(country),
        TransferMechanism.StandardContractualClauses or TransferMechanism.BindingCorporateRules => true,
        TransferMechanism.DataPrivacyFramework => country == "US",
        _ => false,
    };

    /// <summary>Whether the policy allows sending data to this recipient at all, by country, mechanism and transfer rule.</summary>
    public static bool IsAllowed(RecipientDefinition recipient, TransferRule rule)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return rule switch
        {
            TransferRule.EuOnly => PolicyVocabulary.EuCountries.Contains(recipient.Country),
            TransferRule.EeaOnly => IsInsideEea(recipient.Country),
            _ => IsInsideEea(recipient.Country) || MechanismHolds(recipient.Mechanism, recipient.Country),
        };
    }
}
