using Custodian.Policy;

namespace Custodian.Tests.Policy;

/// <summary>Which retention rules cover which (purpose, category) pairs, as CUS207 decides it.</summary>
public sealed class RetentionCoverageTests
{
    private const string Rule = "    - id: account\n      purposes: [essential.service]\n      keep: P1M\n      from: relationship_ended\n      kind: account\n";

    private static List<string> Uncovered(string rules)
    {
        var text = PolicyText.Replace(Rule, rules);
        return PolicyText.Diagnose(text).Where(d => d.Code == PolicyCodes.NoRetention).Select(d => d.Message).ToList();
    }

    [Fact]
    public void Rule_listing_a_key_above_the_category_covers_it()
    {
        // Act
        var uncovered = Uncovered("    - id: contact\n      categories: [user.contact, user.name]\n      keep: P1Y\n      from: collected\n");

        // Assert
        Assert.Empty(uncovered);
    }

    [Fact]
    public void Rule_listing_a_key_below_the_category_does_not_cover_it()
    {
        // Act
        var uncovered = Uncovered("    - id: names\n      categories: [user.name.first, user.contact.email]\n      keep: P1Y\n      from: collected\n");

        // Assert
        var message = Assert.Single(uncovered);
        Assert.Contains("'user.name'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_listing_categories_for_another_purpose_does_not_cover()
    {
        // Act
        var uncovered = Uncovered("    - id: other\n      categories: [user]\n      purposes: [analytics.reporting]\n      keep: P1Y\n      from: collected\n");

        // Assert
        Assert.Equal(2, uncovered.Count);
    }

    [Fact]
    public void Rule_listing_categories_and_the_purpose_covers_only_those_categories()
    {
        // Act
        var uncovered = Uncovered("    - id: email\n      categories: [user.contact.email]\n      purposes: [essential.service]\n      keep: P1Y\n      from: collected\n");

        // Assert
        var message = Assert.Single(uncovered);
        Assert.Contains("'user.name'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_with_neither_categories_nor_purposes_covers_nothing()
    {
        // Act
        var uncovered = Uncovered("    - id: everything\n      keep: P1Y\n      from: collected\n");

        // Assert
        Assert.Equal(2, uncovered.Count);
    }

    [Fact]
    public void Two_rules_together_cover_a_purpose()
    {
        // Act
        var uncovered = Uncovered(
            "    - id: email\n      categories: [user.contact.email]\n      keep: P1Y\n      from: collected\n"
            + "    - id: name\n      categories: [user.name]\n      purposes: [essential.service]\n      keep: P2Y\n      from: collected\n");

        // Assert
        Assert.Empty(uncovered);
    }
}
