using Custodian.Decisions;

namespace Custodian.Vault;

/// <summary>One value offered for collection.</summary>
/// <param name="CategoryKey">Its category.</param>
/// <param name="Value">The value; for a secret category, the plain secret, which is hashed and never kept as given.</param>
/// <param name="Source">How it was obtained.</param>
public sealed record CollectValue(string CategoryKey, string Value, Storage.RecordSource Source = Storage.RecordSource.Provided);

/// <summary>What a collection did: the records stored, and for the rest why not.</summary>
/// <param name="Stored">Record ids of stored values, in input order of the stored ones.</param>
/// <param name="Refused">Values not stored, with the reasons.</param>
public sealed record CollectResult(IReadOnlyList<StoredValue> Stored, IReadOnlyList<CollectRefusal> Refused)
{
    /// <summary>The purpose's mandatory categories (CU7) that are still neither held nor given.</summary>
    public IReadOnlyList<string> MissingRequired { get; init; } = [];
}

/// <summary>A stored record's id and category.</summary>
/// <param name="RecordId">The record id.</param>
/// <param name="CategoryKey">The category.</param>
public sealed record StoredValue(string RecordId, string CategoryKey);

/// <summary>A value returned by a purpose-checked read.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="CategoryKey">The category.</param>
/// <param name="Value">The decrypted value.</param>
/// <param name="CollectedAt">When it was collected.</param>
/// <param name="Source">How it was obtained.</param>
public sealed record ReadValue(string RecordId, string CategoryKey, string Value, DateTimeOffset CollectedAt, Storage.RecordSource Source);

/// <summary>A category the read did not return, with only the reason codes.</summary>
/// <param name="CategoryKey">The category.</param>
/// <param name="Reasons">Stable decision reason codes.</param>
/// <param name="Clause">The policy clause that decided.</param>
public sealed record DeniedCategory(string CategoryKey, IReadOnlyList<string> Reasons, string Clause);

/// <summary>The answer to a purpose-checked read: allowed values, and reason codes for the rest.</summary>
/// <param name="SubjectId">The person.</param>
/// <param name="Purpose">The purpose named.</param>
/// <param name="Recipient">The recipient named, if any.</param>
/// <param name="Values">Values the policy allows for this use.</param>
/// <param name="Denied">Categories withheld, with reasons.</param>
public sealed record ReadResult(string SubjectId, string Purpose, string? Recipient, IReadOnlyList<ReadValue> Values, IReadOnlyList<DeniedCategory> Denied);

/// <summary>One reading offered in an event batch.</summary>
/// <param name="CategoryKey">Its category.</param>
/// <param name="At">When it was observed.</param>
/// <param name="Value">The reading.</param>
/// <param name="DeviceId">The device it came from, if any.</param>
public sealed record EventInput(string CategoryKey, DateTimeOffset At, string Value, string? DeviceId = null);

/// <summary>What an event batch did: how many readings were stored and how many dropped, by reason.</summary>
/// <param name="Stored">Readings decided, sealed and stored.</param>
/// <param name="Dropped">Readings not stored, counted per reason code.</param>
public sealed record EventBatchResult(int Stored, IReadOnlyDictionary<string, int> Dropped)
{
    /// <summary>Readings stored coarsened because the person allows only approximate location (CR2); counted in <see cref="Stored"/>.</summary>
    public int Coarsened { get; init; }
}

/// <summary>A decision as the vault reports it.</summary>
/// <param name="CategoryKey">The category.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Recipient">The recipient, if any.</param>
/// <param name="Allowed">Whether the use is allowed.</param>
/// <param name="Reasons">Reason codes when denied.</param>
/// <param name="Clause">The clause that decided.</param>
public sealed record DecisionAnswer(string CategoryKey, string Purpose, string? Recipient, bool Allowed, IReadOnlyList<string> Reasons, string Clause)
{
    /// <summary>Creates an answer from an engine decision.</summary>
    public static DecisionAnswer From(string category, string purpose, string? recipient, Decision decision, Policy.CompiledPolicy policy) =>
        new(category, purpose, recipient, decision.Allowed, [.. DecisionReasons.Codes(decision.Reasons)], decision.Clause.Describe(policy));
}

/// <summary>A question for <see cref="DataVault.DecideAsync"/>.</summary>
/// <param name="CategoryKey">The category.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Recipient">The recipient, if any.</param>
public sealed record DecisionQuestion(string CategoryKey, string Purpose, string? Recipient = null);
