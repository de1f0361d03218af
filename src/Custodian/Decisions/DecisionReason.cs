namespace Custodian.Decisions;

/// <summary>
/// Why a decision denied a use. Each value is one bit so a decision can carry every failing reason at once
/// without allocating; <see cref="DecisionReasons.Code"/> gives the stable snake_case code documented in docs/decisions.md.
/// </summary>
[Flags]
public enum DecisionReason : uint
{
    /// <summary>Nothing failed.</summary>
    None = 0,

    /// <summary>Rule 1: the purpose does not list the category.</summary>
    CategoryNotInPurpose = 1 << 0,

    /// <summary>Rule 2, consent: the person never gave consent for the purpose (or permission).</summary>
    ConsentMissing = 1 << 1,

    /// <summary>Rule 2, consent: the person withdrew consent.</summary>
    ConsentWithdrawn = 1 << 2,

    /// <summary>Rule 2, consent: the purpose or a special category needs explicit consent and the consent given was not explicit.</summary>
    ExplicitConsentMissing = 1 << 3,

    /// <summary>Rule 2, consent: the purpose changed materially since the consent was given; consent must be given again.</summary>
    ConsentOutdated = 1 << 4,

    /// <summary>Rule 2, contract: no relationship of the purpose's contract kind was ever opened.</summary>
    NoContract = 1 << 5,

    /// <summary>Rule 2, contract: the relationship ended and the after-contract window has passed.</summary>
    ContractEnded = 1 << 6,

    /// <summary>Rule 2, legitimate interest: the person objected.</summary>
    Objected = 1 << 7,

    /// <summary>Rule 2, legitimate interest for existing customers only: the person has no live relationship.</summary>
    NotExistingCustomer = 1 << 8,

    /// <summary>Rule 3: processing is restricted; only storage and legal-claims purposes remain.</summary>
    Restricted = 1 << 9,

    /// <summary>Rule 4: no such record.</summary>
    RecordMissing = 1 << 10,

    /// <summary>Rule 4: the record's retention period has ended.</summary>
    RecordExpired = 1 << 11,

    /// <summary>Rule 4: the person was erased.</summary>
    SubjectErased = 1 << 12,

    /// <summary>Rule 4: the record is kept only under a legal duty and may serve only a legal-obligation purpose.</summary>
    KeptForLegalDutyOnly = 1 << 13,

    /// <summary>Rule 5: a permission that gates the category is off.</summary>
    PermissionOff = 1 << 14,

    /// <summary>Rule 6: the person is under the minimum age and no guardian has consented.</summary>
    GuardianConsentMissing = 1 << 15,

    /// <summary>Rule 7: the recipient is not declared for this purpose.</summary>
    RecipientNotForPurpose = 1 << 16,

    /// <summary>Rule 7: the recipient may not receive this category.</summary>
    RecipientNotForCategory = 1 << 17,

    /// <summary>Rule 7: the transfer to the recipient's country has no valid mechanism or the policy forbids it.</summary>
    TransferForbidden = 1 << 18,

    /// <summary>Rule 7: the recipient needs the person's own prior authorisation (or link) and does not have it.</summary>
    AuthorisationMissing = 1 << 19,

    /// <summary>A secret (password) is never returned or disclosed; it can only be verified.</summary>
    SecretNeverDisclosed = 1 << 20,

    /// <summary>The device the data comes from is unbound from the person.</summary>
    DeviceUnbound = 1 << 21,
}
