namespace Custodian.Client.Contracts;

/// <summary>Values collected for one purpose; each is decided before it is stored.</summary>
/// <param name="Purpose">Why the values are collected.</param>
/// <param name="Values">The values.</param>
public sealed record CollectRequest(string Purpose, IReadOnlyList<CollectItem> Values);
