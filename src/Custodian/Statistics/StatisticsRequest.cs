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

    /// <summary>The dimensions an export may group by.</summary>
    public static IReadOnlyList<string> KnownDimensions { get; } = ["category", "month", "device_type"];
}
