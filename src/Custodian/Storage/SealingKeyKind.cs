namespace Custodian.Storage;

/// <summary>Which key sealed a value, which decides whether crypto-shredding the subject destroys it.</summary>
public enum SealingKeyKind
{
    /// <summary>The subject's own data key: destroyed on erasure.</summary>
    Subject = 1,

    /// <summary>The hold key, for data kept under a legal duty: survives erasure, usable only for legal obligations.</summary>
    Hold = 2,
}
