namespace Custodian.Client.Contracts;

/// <summary>What an event batch did: readings stored, and readings dropped counted per reason code.</summary>
/// <param name="Stored">Readings stored.</param>
/// <param name="Dropped">Dropped readings per reason code.</param>
public sealed record EventBatchResult(int Stored, IReadOnlyDictionary<string, int> Dropped);
