namespace Custodian.Decisions;

/// <summary>What the caller wants to do with the data: the same rule decides every use, but secrets are never read.</summary>
public enum DecisionUse : byte
{
    /// <summary>Collect and store a value (collection is processing).</summary>
    Collect,

    /// <summary>Read a stored value, or send it to a recipient.</summary>
    Read,

    /// <summary>Compare a candidate with a stored secret (a password check): the secret itself is never returned.</summary>
    Verify,
}
