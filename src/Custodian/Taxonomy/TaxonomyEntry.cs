using Custodian.Policy;

namespace Custodian.Taxonomy;

/// <summary>One built-in key of the fideslang taxonomy, with Custodian's flags and display names.</summary>
/// <param name="Key">The dotted key.</param>
/// <param name="Name">The display name per language.</param>
/// <param name="Flags">For data categories: the care the category needs.</param>
/// <param name="Sale">For data uses: selling or sharing for cross-context advertising.</param>
public sealed record TaxonomyEntry(string Key, LocalizedText Name, CategorySensitivity Flags, bool Sale);
