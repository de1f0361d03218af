using Custodian.Policy;

namespace Custodian.Scenarios;

/// <summary>One step of a scenario: when, about whom, what to do (or expect), and where it is written.</summary>
/// <param name="At">When the step happens.</param>
/// <param name="Subject">The alias of the person it acts on, if any.</param>
/// <param name="Kind">The action (<c>create</c>, <c>consent</c>, <c>expect</c>…).</param>
/// <param name="Fields">The step's other fields as written (scalars, lists and maps of scalars).</param>
/// <param name="Location">Where the step is written.</param>
public sealed record ScenarioStep(DateTimeOffset At, string? Subject, string Kind, IReadOnlyDictionary<string, object> Fields, SourceLocation Location)
{
    /// <summary>
    /// Where each value of the step is written, by its path: a field's name for a single value (<c>purpose</c>),
    /// <see cref="ItemPath"/> for an item of a list or of readings, <see cref="KeyPath"/> for a key of a mapping.
    /// </summary>
    public IReadOnlyDictionary<string, SourceLocation> ValueLocations { get; init; } = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

    /// <summary>The path of the <paramref name="index"/>-th item of a list field (<c>categories[0]</c>), or of a field of the index-th reading (<c>readings[0].category</c>).</summary>
    public static string ItemPath(string field, int index, string? readingField = null) =>
        readingField is null ? $"{field}[{index}]" : $"{field}[{index}].{readingField}";

    /// <summary>The path of a key of a mapping field (<c>values: {user.name: …}</c> is <c>values:user.name</c>).</summary>
    public static string KeyPath(string field, string key) => $"{field}:{key}";

    /// <summary>Where the value at <paramref name="path"/> is written, or where the step is when it is not known.</summary>
    public SourceLocation LocationOf(string path) => ValueLocations.TryGetValue(path, out var location) ? location : Location;

    /// <summary>A scalar field, or null.</summary>
    public string? Text(string name) => Fields.TryGetValue(name, out var value) ? value as string : null;

    /// <summary>A list field (a single scalar counts as a list of one), or empty.</summary>
    public IReadOnlyList<string> List(string name) => Fields.TryGetValue(name, out var value)
        ? value switch { string s => [s], IReadOnlyList<string> l => l, _ => [] }
        : [];

    /// <summary>A map field of scalars, or empty.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Map(string name) =>
        Fields.TryGetValue(name, out var value) && value is IReadOnlyList<KeyValuePair<string, string>> map ? map : [];

    /// <summary>A list of maps field (readings), or empty.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string name) =>
        Fields.TryGetValue(name, out var value) && value is IReadOnlyList<IReadOnlyDictionary<string, string>> rows ? rows : [];

    /// <summary>A boolean field, or the fallback.</summary>
    public bool Flag(string name, bool fallback = false) => Text(name) switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => fallback,
    };
}
