namespace Custodian.Audit;

/// <summary>What is wrong at the first broken link of the audit chain.</summary>
public enum AuditBreakKind
{
    /// <summary>Nothing: the chain verified.</summary>
    None = 0,

    /// <summary>An entry's stored hash is not SHA-256(previous hash ‖ body): it or an earlier entry was edited.</summary>
    HashMismatch = 1,

    /// <summary>An expected sequence number is missing: an entry was deleted.</summary>
    Gap = 2,

    /// <summary>An entry sits at a position other than the one its body names, or repeats one: entries were reordered.</summary>
    Reordered = 3,

    /// <summary>A checkpoint's signature does not verify under the audit key.</summary>
    BadCheckpointSignature = 4,

    /// <summary>A checkpoint's hash differs from the entry it covers: the chain was rewritten.</summary>
    CheckpointMismatch = 5,

    /// <summary>A checkpoint names an entry that does not exist: the log was truncated.</summary>
    CheckpointMissingEntry = 6,

    /// <summary>An entry body cannot be decoded.</summary>
    MalformedEntry = 7,
}
