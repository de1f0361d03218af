namespace Custodian.Retention;

/// <summary>What a retention run does with one record at one instant.</summary>
public enum RetentionOutcome
{
    /// <summary>Its time is not up (or an anchor it counts from has not happened): kept.</summary>
    Keep,

    /// <summary>Expired: its ciphertext is destroyed, its metadata kept.</summary>
    Delete,

    /// <summary>Expired: counted in the anonymous statistics, then erased (IS9).</summary>
    Anonymise,

    /// <summary>Expired: sealed into an archive only management can open, then erased (IS7).</summary>
    Archive,

    /// <summary>No purpose needs the live copy any more, but a legal duty does: re-sealed under the hold key (CK9).</summary>
    MoveToHold,

    /// <summary>Expired, but a legal hold (a dispute) on the person blocks any change (CU6).</summary>
    HeldByLegalHold,

    /// <summary>No retention rule covers its category and purpose: kept, and reported so the policy can be fixed.</summary>
    NoRule,

    /// <summary>Sealed under the key of an erased person: unreadable already, left to the purge.</summary>
    AwaitingPurge,
}
