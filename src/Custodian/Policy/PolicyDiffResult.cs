using System.Collections.Immutable;

namespace Custodian.Policy;

/// <summary>Every difference between two policy versions, material ones first.</summary>
/// <param name="Changes">The changes.</param>
public sealed record PolicyDiffResult(ImmutableArray<PolicyChange> Changes)
{
    /// <summary>Whether any change must be announced before it takes effect.</summary>
    public bool HasMaterialChange => Changes.Any(c => c.Material);

    /// <summary>One line per change: <c>material: …</c> or <c>minor: …</c>.</summary>
    public IEnumerable<string> ToLines() => Changes.Select(c => c.ToString());
}
