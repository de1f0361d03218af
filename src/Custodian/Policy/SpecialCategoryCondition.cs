namespace Custodian.Policy;

/// <summary>The GDPR Art. 9(2) condition that lifts the ban on special categories.</summary>
public enum SpecialCategoryCondition
{
    /// <summary>No condition declared.</summary>
    None,
    /// <summary>(a) explicit consent.</summary>
    ExplicitConsent,
    /// <summary>(b) employment and social security law.</summary>
    Employment,
    /// <summary>(c) vital interests where consent cannot be given.</summary>
    VitalInterests,
    /// <summary>(d) a not-for-profit body's members.</summary>
    NotForProfitBody,
    /// <summary>(e) data the person has made public.</summary>
    MadePublic,
    /// <summary>(f) legal claims.</summary>
    LegalClaims,
    /// <summary>(g) substantial public interest.</summary>
    SubstantialPublicInterest,
    /// <summary>(h) health or social care.</summary>
    HealthOrSocialCare,
    /// <summary>(i) public health.</summary>
    PublicHealth,
    /// <summary>(j) archiving, research or statistics.</summary>
    Archiving,
}
