namespace Custodian.Policy;

/// <summary>The GDPR Art. 6(1) ground a purpose rests on.</summary>
public enum LegalBasis
{
    /// <summary>(a) the person's consent, given and not withdrawn.</summary>
    Consent,
    /// <summary>(b) a contract with the person, or steps before one.</summary>
    Contract,
    /// <summary>(c) a legal obligation of the controller.</summary>
    LegalObligation,
    /// <summary>(d) the vital interests of the person or another.</summary>
    VitalInterest,
    /// <summary>(e) a task in the public interest.</summary>
    PublicTask,
    /// <summary>(f) the controller's legitimate interest, open to objection.</summary>
    LegitimateInterest,
}
