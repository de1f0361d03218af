namespace Custodian.Vault;

/// <summary>The stable codes of <see cref="VaultException"/>, documented in docs/decisions.md.</summary>
public static class VaultErrorCodes
{
    /// <summary>No subject with that id (or it was merged into another; the message names the survivor).</summary>
    public const string UnknownSubject = "unknown_subject";

    /// <summary>The policy declares no such purpose.</summary>
    public const string UnknownPurpose = "unknown_purpose";

    /// <summary>Neither the taxonomy nor the policy has such a category.</summary>
    public const string UnknownCategory = "unknown_category";

    /// <summary>The policy declares no such recipient.</summary>
    public const string UnknownRecipient = "unknown_recipient";

    /// <summary>The policy declares no such permission.</summary>
    public const string UnknownPermission = "unknown_permission";

    /// <summary>The policy declares no such cookie category (a consent key <c>cookie:&lt;category&gt;</c>).</summary>
    public const string UnknownCookieCategory = "unknown_cookie_category";

    /// <summary>A lookup key (email, phone, user name) is already registered to another subject.</summary>
    public const string LookupTaken = "lookup_taken";

    /// <summary>A lookup key is not valid (a phone number that is not E.164…).</summary>
    public const string InvalidLookup = "invalid_lookup";

    /// <summary>The subject was erased; its data can no longer be read or written.</summary>
    public const string SubjectErased = "subject_erased";

    /// <summary>The category is not a secret; verify and reset apply only to secrets.</summary>
    public const string NotASecret = "not_a_secret";

    /// <summary>An id (device id, type) that is not letters, digits and _ . : / -.</summary>
    public const string InvalidIdentifier = "invalid_identifier";

    /// <summary>
    /// A field that takes a code holds something else (a consent's method or evidence with a space, an <c>@</c>, a long
    /// digit run): it would be stored unsealed, so it may hold no personal value. <see cref="VaultException.JsonPointer"/> names it.
    /// </summary>
    public const string InvalidField = "invalid_field";

    /// <summary>No such breach in the register.</summary>
    public const string UnknownBreach = "unknown_breach";

    /// <summary>The people affected by the breach were already notified; sending again needs an explicit resend.</summary>
    public const string AlreadyNotified = "already_notified";

    /// <summary>This policy text is already published.</summary>
    public const string AlreadyPublished = "already_published";

    /// <summary>A material change would take effect before the policy's notice period has run.</summary>
    public const string NoticePeriodTooShort = "notice_period_too_short";

    /// <summary>Merging a subject into itself, or one already merged.</summary>
    public const string InvalidMerge = "invalid_merge";

    /// <summary>The person has no stored value of that category (rectification needs one).</summary>
    public const string RecordMissing = "record_missing";

    /// <summary>The person's value of that category is past its retention period and due for deletion (it cannot be corrected).</summary>
    public const string RecordExpired = "record_expired";

    /// <summary>A value cannot be stored as given (it looks like a card number…).</summary>
    public const string InvalidValue = "invalid_value";

    /// <summary>The policy does not allow this use of the person's data now (the message names the reasons and clause).</summary>
    public const string UseDenied = "use_denied";

    /// <summary>Too many wrong secrets for this person and category in a short time; try again later.</summary>
    public const string TooManyAttempts = "too_many_attempts";
}
