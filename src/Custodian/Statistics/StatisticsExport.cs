namespace Custodian.Statistics;

/// <summary>An anonymous statistics export and the parameters that protect it, so a reader can judge what it reveals.</summary>
/// <param name="Parameters">How it was made.</param>
/// <param name="Rows">The released groups; each holds at least k people.</param>
public sealed record StatisticsExport(StatisticsParameters Parameters, IReadOnlyList<StatisticsRow> Rows);

/// <summary>One released group.</summary>
/// <param name="Group">Dimension → value (<c>category</c> → <c>user.sensor</c>, <c>month</c> → <c>2024-05</c>); the merged small groups have <c>suppressed</c> → <c>true</c>.</param>
/// <param name="People">Distinct people in the group (noised when ε is set).</param>
/// <param name="Readings">Readings counted, at most the per-person cap each (noised when ε is set).</param>
/// <param name="Sum">The clamped sum of numeric values, when asked (noised when ε is set).</param>
public sealed record StatisticsRow(IReadOnlyDictionary<string, string> Group, long People, long Readings, double? Sum);

/// <summary>The parameters of an export.</summary>
/// <param name="Purpose">The purpose it serves.</param>
/// <param name="Dimensions">The grouping dimensions.</param>
/// <param name="Since">Period start.</param>
/// <param name="Until">Period end.</param>
/// <param name="MinimumGroup">k.</param>
/// <param name="Epsilon">ε, or null without noise.</param>
/// <param name="NoiseScales">The Laplace scale applied per measure (sensitivity / ε share).</param>
/// <param name="MaxReadingsPerPerson">The per-person contribution cap.</param>
/// <param name="GroupsReleased">Groups released (the merged suppressed group included).</param>
/// <param name="GroupsSuppressed">Groups below k, merged or dropped.</param>
/// <param name="PeopleIncluded">People whose readings counted anywhere.</param>
/// <param name="PolicyVersion">The policy version in force.</param>
/// <param name="GeneratedAt">When.</param>
public sealed record StatisticsParameters(
    string Purpose, IReadOnlyList<string> Dimensions, DateTimeOffset Since, DateTimeOffset Until, int MinimumGroup, double? Epsilon,
    IReadOnlyDictionary<string, double> NoiseScales, int MaxReadingsPerPerson, int GroupsReleased, int GroupsSuppressed, int PeopleIncluded,
    string PolicyVersion, DateTimeOffset GeneratedAt);
