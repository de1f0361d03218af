namespace Custodian.Requests;

/// <summary>What an erasure did: what was destroyed, what was kept under a legal duty (and why, until when), or what blocked it.</summary>
/// <param name="SubjectId">The person.</param>
/// <param name="Outcome">Erased, already erased, or blocked by a legal hold.</param>
/// <param name="ErasedCategories">Categories whose values were destroyed.</param>
/// <param name="Kept">Values kept under a legal duty, re-sealed under the hold key.</param>
/// <param name="KeysDestroyed">Data keys crypto-shredded (the person's and those of records merged into them).</param>
/// <param name="RowsPurged">Rows physically deleted with the shred (or in batches right after it).</param>
public sealed record ErasureResult(
    string SubjectId,
    ErasureOutcome Outcome,
    IReadOnlyList<string> ErasedCategories,
    IReadOnlyList<KeptCategory> Kept,
    int KeysDestroyed,
    long RowsPurged)
{
    /// <summary>For <see cref="ErasureOutcome.BlockedByLegalHold"/>: the hold's reason code.</summary>
    public string? HoldReason { get; init; }

    /// <summary>For a blocked erasure: when the hold ends by itself, if it has an end.</summary>
    public DateTimeOffset? HoldUntil { get; init; }
}

/// <summary>How an erasure ended.</summary>
public enum ErasureOutcome
{
    /// <summary>The person's key was destroyed and the rows purged.</summary>
    Erased = 1,

    /// <summary>The person had been erased before; nothing more to do (repeating is harmless).</summary>
    AlreadyErased = 2,

    /// <summary>An active legal hold blocks deletion; nothing was changed.</summary>
    BlockedByLegalHold = 3,
}

/// <summary>A category kept after an erasure because a legal duty requires it (CK9, IS8, CU6).</summary>
/// <param name="CategoryKey">The category.</param>
/// <param name="PurposeKey">The purpose it was collected for (the only one it may still be used for is the legal obligation).</param>
/// <param name="RuleId">The retention rule with <c>legal_duty: true</c> that keeps it.</param>
/// <param name="Reason">The rule's description in the person's language, or its period in words.</param>
/// <param name="Until">When it will be deleted.</param>
/// <param name="Count">How many values.</param>
public sealed record KeptCategory(string CategoryKey, string PurposeKey, string RuleId, string Reason, DateTimeOffset? Until, int Count);
