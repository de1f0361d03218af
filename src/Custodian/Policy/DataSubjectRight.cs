namespace Custodian.Policy;

/// <summary>A right the policy offers, GDPR Art. 15–22 and 77.</summary>
public enum DataSubjectRight
{
    /// <summary>A copy of the data (Art. 15).</summary>
    Access,
    /// <summary>Correction (Art. 16).</summary>
    Rectification,
    /// <summary>Erasure (Art. 17).</summary>
    Erasure,
    /// <summary>Restriction of processing (Art. 18).</summary>
    Restriction,
    /// <summary>Portability in a machine-readable format (Art. 20).</summary>
    Portability,
    /// <summary>Objection (Art. 21).</summary>
    Objection,
    /// <summary>Withdrawal of consent at any time (Art. 7(3)).</summary>
    WithdrawConsent,
    /// <summary>Not to be subject to solely automated decisions (Art. 22).</summary>
    AutomatedDecisions,
    /// <summary>A complaint to the supervisory authority (Art. 77).</summary>
    Complaint,
    /// <summary>Information about the processing (Art. 13–14).</summary>
    Information,
}
