namespace Custodian.Client.Contracts;

/// <summary>One value to collect.</summary>
/// <param name="Category">Its category key.</param>
/// <param name="Value">The value.</param>
/// <param name="Source">provided (default), observed, device, derived or third_party.</param>
public sealed record CollectItem(string Category, string Value, string? Source = null);
