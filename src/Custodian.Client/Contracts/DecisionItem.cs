namespace Custodian.Client.Contracts;

/// <summary>One decision question: may this category be used for this purpose (and recipient)?</summary>
/// <param name="Category">The category.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Recipient">The recipient, if the data would leave the controller.</param>
public sealed record DecisionItem(string Category, string Purpose, string? Recipient = null);
