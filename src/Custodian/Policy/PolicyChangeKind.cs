namespace Custodian.Policy;

/// <summary>What changed between two policy versions; whether it is material decides whether people must be told first (CK14, CU9).</summary>
public enum PolicyChangeKind
{
    /// <summary>A new purpose (material).</summary>
    PurposeAdded,
    /// <summary>A purpose was dropped (minor).</summary>
    PurposeRemoved,
    /// <summary>A purpose's description changed: what it means for people changed (material).</summary>
    PurposeMeaningChanged,
    /// <summary>A purpose's legal basis changed (material).</summary>
    LegalBasisChanged,
    /// <summary>A purpose may use a category it could not before (material).</summary>
    CategoryAdded,
    /// <summary>A purpose no longer uses a category (minor).</summary>
    CategoryRemoved,
    /// <summary>A new recipient, or a recipient receiving data for more purposes or categories (material).</summary>
    RecipientAdded,
    /// <summary>A recipient was dropped or receives less (minor).</summary>
    RecipientRemoved,
    /// <summary>Data newly leaves the EU/EEA: a recipient moved outside, or the transfer rule was loosened (material).</summary>
    TransferAdded,
    /// <summary>A recipient's details changed without a new transfer (minor unless it no longer needs authorisation).</summary>
    RecipientChanged,
    /// <summary>Data is kept longer, a retention limit was removed, or a rule's starting point moved (material).</summary>
    RetentionLonger,
    /// <summary>Data is kept for less time, or a new limit was added (minor).</summary>
    RetentionShorter,
    /// <summary>A right is no longer offered or requests take longer to answer (material).</summary>
    RightsReduced,
    /// <summary>A right was added or answers come sooner (minor).</summary>
    RightsExtended,
    /// <summary>The promise never to sell personal data was dropped (material).</summary>
    SaleAllowed,
    /// <summary>A new app permission, or automated decisions start (material).</summary>
    CollectionWidened,
    /// <summary>Names and wording that do not change what happens (minor).</summary>
    WordingChanged,
    /// <summary>Contact details of the controller, DPO or authority (minor).</summary>
    ContactChanged,
    /// <summary>The version label changed (minor).</summary>
    VersionChanged,
    /// <summary>The effective date changed (minor).</summary>
    EffectiveDateChanged,
    /// <summary>Anything else that changed (minor).</summary>
    OtherChanged,
}
