using System.Collections.Immutable;

namespace Custodian.Policy;

/// <summary>One difference between two policy versions.</summary>
/// <param name="Kind">What kind of change.</param>
/// <param name="Material">Whether people must be told before it takes effect.</param>
/// <param name="Description">The change in plain words.</param>
/// <param name="Keys">The policy keys involved (purpose, category, recipient, rule ids).</param>
public sealed record PolicyChange(PolicyChangeKind Kind, bool Material, string Description, ImmutableArray<string> Keys)
{
    /// <summary>The kind as written in output: <c>purpose-added</c>.</summary>
    public string KindName => string.Concat(Kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The change as one line: <c>material: new purpose …</c>.</summary>
    public override string ToString() => $"{(Material ? "material" : "minor")}: {Description}";
}
