namespace Custodian.Client.Contracts;

/// <summary>One reading.</summary>
/// <param name="Category">Its category.</param>
/// <param name="At">When it was observed.</param>
/// <param name="Value">The reading.</param>
/// <param name="Device">The device, if any.</param>
public sealed record EventItem(string Category, DateTimeOffset At, string Value, string? Device = null);
