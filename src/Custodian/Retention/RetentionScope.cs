using Custodian.Policy;
using Custodian.Taxonomy;

namespace Custodian.Retention;

/// <summary>Which retention rules reach a record, by its category and the purpose it was collected for.</summary>
public static class RetentionScope
{
    /// <summary>
    /// Whether <paramref name="rule"/> covers a record of <paramref name="categoryKey"/> collected for <paramref name="purposeKey"/>:
    /// its purposes (if any) include the purpose, and its categories (if any) include the category or one above it.
    /// </summary>
    public static bool Covers(RetentionRule rule, string categoryKey, string purposeKey)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.Purposes.IsEmpty && !rule.Purposes.Contains(purposeKey)) return false;
        if (rule.Categories.IsEmpty) return !rule.Purposes.IsEmpty;
        foreach (var key in rule.Categories)
        {
            if (BuiltInTaxonomy.IsAtOrBelow(categoryKey, key)) return true;
        }

        return false;
    }
}
