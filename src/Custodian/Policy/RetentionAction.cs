namespace Custodian.Policy;

/// <summary>What happens when a retention period ends.</summary>
public enum RetentionAction
{
    /// <summary>Crypto-shred and delete the values.</summary>
    Delete,
    /// <summary>Replace values so the row still counts in statistics but identifies no one.</summary>
    Anonymise,
    /// <summary>Seal to the management public key; the running service cannot read it back.</summary>
    Archive,
}
