namespace Custodian.Statistics;

/// <summary>What an anonymous statistics export counts, by which dimensions, with which protection (CK11, IS9, CR4).</summary>
public sealed record StatisticsRequest
{
    /// <summary>The purpose the statistics serve; a person's readings count only where the policy allows that purpose for them.</summary>
    public required string Purpose { get; init; }

    /// <summary>Categories counted (a key covers those below it); empty for every category the purpose may use.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Dimensions to group by: <c>category</c>, <c>month</c>, <c>device_type</c>.</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = ["category", "month"];

    /// <summary>Start of the period (inclusive).</summary>
    public DateTimeOffset Since { get; init; } = DateTimeOffset.MinValue;

    /// <summary>End of the period (exclusive).</summary>
    public DateTimeOffset Until { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>k: groups with fewer people are suppressed; default the policy's <c>statistics.minimum_group</c>.</summary>
    public int? MinimumGroup { get; init; }

    /// <summary>ε for Laplace noise (differential privacy), split evenly across the released measures; null for no noise.</summary>
    public double? Epsilon { get; init; }

    /// <summary>Readings one person contributes to a group at most; bounds the sensitivity of the readings count and the sum.</summary>
    public int MaxReadingsPerPerson { get; init; } = 100;

    /// <summary>When set, numeric reading values are summed, each clamped to [<see cref="SumLower"/>, <see cref="SumUpper"/>].</summary>
    public bool Sum { get; init; }

    /// <summary>Lower clamp for summed values.</summary>
    public double SumLower { get; init; }

    /// <summary>Upper clamp for summed values.</summary>
    public double SumUpper { get; init; } = 1000;

    /// <summary>The largest ε accepted: above it the noise no longer protects anyone in any meaningful sense.</summary>
    public const double MaxEpsilon = 10;

    /// <summary>The smallest ε accepted: below it the noise drowns every count.</summary>
    public const double MinEpsilon = 0.001;

    /// <summary>The smallest k accepted (here and in the policy's <c>statistics.minimum_group</c>): a group of one person is that person.</summary>
    public const int MinMinimumGroup = 2;

    /// <summary>The largest k accepted (here and in the policy's <c>statistics.minimum_group</c>).</summary>
    public const int MaxMinimumGroup = 1000;

    /// <summary>The first parameter that cannot be honoured, as its field name and a message with the fix; null when all can.</summary>
    public (string Field, string Message)? FirstProblem()
    {
        if (Dimensions.Distinct(StringComparer.Ordinal).Count() != Dimensions.Count)
            return ("dimensions", "A dimension is named twice; name each at most once.");
        if (Epsilon is { } epsilon && !(epsilon >= MinEpsilon && epsilon <= MaxEpsilon))
            return ("epsilon", $"ε must be a number from {MinEpsilon} to {MaxEpsilon} (typically 0.1 to 2), or left out for no noise.");
        if (MinimumGroup is < MinMinimumGroup) return ("minimumGroup", $"k must be from {MinMinimumGroup} to {MaxMinimumGroup}: a group of one person is that person.");
        if (MinimumGroup is > MaxMinimumGroup) return ("minimumGroup", $"k must be from {MinMinimumGroup} to {MaxMinimumGroup}, the range the policy's statistics.minimum_group accepts.");
        if (MaxReadingsPerPerson < 1) return ("maxReadingsPerPerson", "Each person must be allowed at least 1 reading per group.");
        if (!double.IsFinite(SumLower) || !double.IsFinite(SumUpper) || SumLower > SumUpper)
            return ("sumLower", "The sum clamp must be finite numbers with sumLower at most sumUpper.");
        if (Since >= Until) return ("until", "The period is empty: 'until' must be after 'since'.");
        return null;
    }

    /// <summary>The dimensions an export may group by.</summary>
    public static IReadOnlyList<string> KnownDimensions { get; } = ["category", "month", "device_type"];
}
