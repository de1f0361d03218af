namespace Custodian.Client.Contracts;

/// <summary>A batch of readings for one purpose (thousands per call are fine).</summary>
/// <param name="Purpose">The purpose the readings are collected for.</param>
/// <param name="Readings">The readings.</param>
public sealed record EventBatchRequest(string Purpose, IReadOnlyList<EventItem> Readings);
