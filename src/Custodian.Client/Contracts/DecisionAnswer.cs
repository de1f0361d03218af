namespace Custodian.Client.Contracts;

/// <summary>A decision: allowed or not, with reason codes and the deciding clause.</summary>
/// <param name="CategoryKey">The category.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Recipient">The recipient, if any.</param>
/// <param name="Allowed">Whether the use is allowed.</param>
/// <param name="Reasons">Reason codes when denied.</param>
/// <param name="Clause">The clause that decided.</param>
public sealed record DecisionAnswer(string CategoryKey, string Purpose, string? Recipient, bool Allowed, IReadOnlyList<string> Reasons, string Clause);
