namespace Custodian.Client.Contracts;

/// <summary>What a collection did: records stored, values refused with reasons, mandatory categories still missing.</summary>
/// <param name="Stored">Stored records.</param>
/// <param name="Refused">Refused values with reason codes.</param>
/// <param name="MissingRequired">The purpose's mandatory categories neither held nor given.</param>
public sealed record CollectResult(IReadOnlyList<StoredValue> Stored, IReadOnlyList<CollectRefusal> Refused, IReadOnlyList<string>? MissingRequired = null);
