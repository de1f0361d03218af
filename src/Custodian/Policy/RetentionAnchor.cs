namespace Custodian.Policy;

/// <summary>The moment a retention period counts from.</summary>
public enum RetentionAnchor
{
    /// <summary>When the value was collected.</summary>
    Collected,
    /// <summary>When consent for the purpose was last given.</summary>
    ConsentGiven,
    /// <summary>When a relationship of the named kind ended.</summary>
    RelationshipEnded,
    /// <summary>The end of the financial year in which the named event happened.</summary>
    FiscalYearEnd,
    /// <summary>When the contest the person entered ended.</summary>
    ContestEnded,
    /// <summary>When the transaction took place.</summary>
    Transaction,
    /// <summary>When the product warranty ended.</summary>
    WarrantyEnded,
    /// <summary>The person's last activity.</summary>
    LastActivity,
}
