namespace Custodian.Decisions;

/// <summary>The state of the record a read would return (rule 4 of the decision rule).</summary>
public enum RecordStatus : byte
{
    /// <summary>No record is involved: a collection, or a question about whether a use would be allowed.</summary>
    NotApplicable,

    /// <summary>The record exists and is live.</summary>
    Present,

    /// <summary>There is no such record.</summary>
    Missing,

    /// <summary>The record's retention period has ended.</summary>
    Expired,

    /// <summary>The record was erased.</summary>
    Erased,

    /// <summary>The record is kept only under a legal duty (hold key) after erasure.</summary>
    HeldForLegalDuty,
}
