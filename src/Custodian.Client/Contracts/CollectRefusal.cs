namespace Custodian.Client.Contracts;

/// <summary>A value that was not stored, and why (decision reason codes or <c>looks_like_card_number</c>).</summary>
/// <param name="CategoryKey">The category of the refused value.</param>
/// <param name="Reasons">Stable reason codes.</param>
public sealed record CollectRefusal(string CategoryKey, IReadOnlyList<string> Reasons);
