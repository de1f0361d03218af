using Custodian.Taxonomy;

namespace Custodian.Statement;

/// <summary>Places a category key in the group the statement shows it under, by the taxonomy branch it belongs to.</summary>
internal static class CategoryGrouping
{
    private static readonly (string Prefix, CategoryGroup Group)[] Branches =
    [
        ("user.behavior.purchase_history", CategoryGroup.Account),
        ("user.name", CategoryGroup.Identity),
        ("user.contact", CategoryGroup.Identity),
        ("user.demographic", CategoryGroup.Identity),
        ("user.government_id", CategoryGroup.Identity),
        ("user.workplace", CategoryGroup.Identity),
        ("user.job_title", CategoryGroup.Identity),
        ("user.unique_id", CategoryGroup.Identity),
        ("user.childrens", CategoryGroup.Identity),
        ("user.social", CategoryGroup.Identity),
        ("user.account", CategoryGroup.Account),
        ("user.authorization", CategoryGroup.Account),
        ("user.payment", CategoryGroup.Account),
        ("user.financial", CategoryGroup.Account),
        ("user.privacy_preferences", CategoryGroup.Account),
        ("user.behavior", CategoryGroup.Usage),
        ("user.device", CategoryGroup.Usage),
        ("user.location", CategoryGroup.Usage),
        ("user.sensor", CategoryGroup.Usage),
        ("user.telemetry", CategoryGroup.Usage),
        ("system", CategoryGroup.Usage),
        ("user.content", CategoryGroup.Content),
    ];

    /// <summary>The group of <paramref name="key"/>; special categories always go to <see cref="CategoryGroup.Special"/>.</summary>
    public static CategoryGroup Of(string key, bool special)
    {
        if (special) return CategoryGroup.Special;
        foreach (var (prefix, group) in Branches)
        {
            if (BuiltInTaxonomy.IsAtOrBelow(key, prefix)) return group;
        }

        return CategoryGroup.Other;
    }
}
