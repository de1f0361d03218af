namespace Custodian.Client.Contracts;

/// <summary>A category a read withheld, with only the reason codes and the deciding clause.</summary>
/// <param name="CategoryKey">The category.</param>
/// <param name="Reasons">Stable decision reason codes.</param>
/// <param name="Clause">The policy clause that decided.</param>
public sealed record DeniedCategory(string CategoryKey, IReadOnlyList<string> Reasons, string Clause);
