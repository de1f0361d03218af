namespace Custodian.Policy;

/// <summary>The GDPR Chapter V ground for a transfer outside the EU/EEA.</summary>
public enum TransferMechanism
{
    /// <summary>No transfer mechanism: allowed only inside the EU/EEA.</summary>
    None,
    /// <summary>An adequacy decision for the destination country (Art. 45).</summary>
    Adequacy,
    /// <summary>Standard contractual clauses (Art. 46(2)(c)).</summary>
    StandardContractualClauses,
    /// <summary>Binding corporate rules (Art. 47).</summary>
    BindingCorporateRules,
    /// <summary>The EU-US Data Privacy Framework (adequacy decision of 10 July 2023).</summary>
    DataPrivacyFramework,
    /// <summary>The EU-US Privacy Shield: invalidated by the EU Court on 16 July 2020 (Schrems II); never valid.</summary>
    PrivacyShield,
}
