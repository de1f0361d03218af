using System.Collections.Frozen;
using Custodian.Policy;
using YamlDotNet.RepresentationModel;

namespace Custodian.Taxonomy;

/// <summary>
/// fideslang's data-category and data-use keys, embedded as data, so Fides annotations work unchanged
/// and a policy only declares the keys it adds below them.
/// </summary>
public static class BuiltInTaxonomy
{
    private static readonly Lazy<FrozenDictionary<string, TaxonomyEntry>> LazyCategories = new(() => Load("categories.yaml"));
    private static readonly Lazy<FrozenDictionary<string, TaxonomyEntry>> LazyUses = new(() => Load("uses.yaml"));

    /// <summary>Built-in data categories by key.</summary>
    public static FrozenDictionary<string, TaxonomyEntry> Categories => LazyCategories.Value;

    /// <summary>Built-in data uses (purposes) by key.</summary>
    public static FrozenDictionary<string, TaxonomyEntry> Uses => LazyUses.Value;

    /// <summary>The parent of a dotted key, or null for a top-level key.</summary>
    public static string? ParentOf(string key)
    {
        var dot = key.LastIndexOf('.');
        return dot < 0 ? null : key[..dot];
    }

    /// <summary>Whether <paramref name="key"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsAtOrBelow(string key, string ancestor) =>
        key == ancestor || (key.Length > ancestor.Length && key.StartsWith(ancestor, StringComparison.Ordinal) && key[ancestor.Length] == '.');

    private static FrozenDictionary<string, TaxonomyEntry> Load(string resource)
    {
        using var stream = typeof(BuiltInTaxonomy).Assembly.GetManifestResourceStream($"Custodian.Taxonomy.{resource}")
            ?? throw new InvalidOperationException($"The built-in taxonomy resource {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var entries = new Dictionary<string, TaxonomyEntry>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            var map = (YamlMappingNode)valueNode;
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var flags = CategorySensitivity.None;
            var sale = false;
            foreach (var (fieldNode, fieldValue) in map.Children)
            {
                var field = ((YamlScalarNode)fieldNode).Value!;
                if (field == "flags")
                {
                    foreach (var flag in ((YamlSequenceNode)fieldValue).Children.Select(f => ((YamlScalarNode)f).Value))
                    {
                        if (flag == "sale") sale = true;
                        else flags |= PolicyVocabulary.ParseFlag(flag!) ?? throw new InvalidOperationException($"Unknown flag {flag} in {resource}.");
                    }
                }
                else
                {
                    names[field] = ((YamlScalarNode)fieldValue).Value!;
                }
            }

            entries[key] = new TaxonomyEntry(key, new LocalizedText(names), flags, sale);
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
