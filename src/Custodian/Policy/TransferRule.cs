namespace Custodian.Policy;

/// <summary>What the policy allows for transfers out of the EU/EEA.</summary>
public enum TransferRule
{
    /// <summary>Transfers allowed when each has a valid mechanism.</summary>
    MechanismRequired,
    /// <summary>No transfer out of the EU/EEA at all.</summary>
    EuOnly,
    /// <summary>No transfer out of the EEA.</summary>
    EeaOnly,
}
