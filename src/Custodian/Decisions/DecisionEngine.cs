using Custodian.Policy;

namespace Custodian.Decisions;

/// <summary>
/// The decision rule of Custodian, over a compiled policy and a person's snapshot. Allow only if all hold:
/// (1) the purpose lists the category; (2) its legal basis holds; (3) no restriction, unless the purpose is for
/// storage or legal claims; (4) the record exists, is live and not erased; (5) every permission gating the category
/// is on; (6) a person under the minimum age has a guardian's consent; (7) a recipient is declared for the purpose
/// and category, its transfer is lawful, and it has the person's authorisation where it needs one.
/// Every failing rule is reported; deciding allocates nothing.
/// </summary>
public sealed class DecisionEngine
{
    private readonly BitSet[] _purposeCategories;
    private readonly bool[] _allowedUnderRestriction;
    private readonly bool[] _legalObligation;
    private readonly ulong[] _gating;
    private readonly bool[] _secret;
    private readonly BitSet[] _recipientPurposes;
    private readonly BitSet[] _recipientCategories;
    private readonly bool[] _transferAllowed;
    private readonly bool[] _needsAuthorisation;

    /// <summary>Prepares the engine's lookup arrays for one compiled policy.</summary>
    public DecisionEngine(CompiledPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        _purposeCategories = policy.Purposes.Select(p => p.Categories).ToArray();
        _allowedUnderRestriction = policy.Purposes.Select(p => p.Definition.AllowedUnderRestriction).ToArray();
        _legalObligation = policy.Purposes.Select(p => p.Basis == LegalBasis.LegalObligation).ToArray();
        _gating = policy.Categories.Select(c => c.GatingPermissions).ToArray();
        _secret = policy.Categories.Select(c => c.Sensitivity.HasFlag(CategorySensitivity.Secret)).ToArray();
        _recipientPurposes = policy.Recipients.Select(r => r.Purposes).ToArray();
        _recipientCategories = policy.Recipients.Select(r => r.Categories).ToArray();
        _transferAllowed = policy.Recipients.Select(r => r.TransferAllowed).ToArray();
        _needsAuthorisation = policy.Recipients.Select(r => r.Definition.NeedsAuthorisation).ToArray();
    }

    /// <summary>The policy this engine decides under.</summary>
    public CompiledPolicy Policy { get; }

    /// <summary>Decides one use of one category for one purpose, optionally for a recipient.</summary>
    /// <param name="subject">The person's snapshot, built against <see cref="Policy"/>.</param>
    /// <param name="category">The category.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="recipient">The recipient, when the data leaves the controller.</param>
    /// <param name="use">Collect or read.</param>
    /// <param name="record">The state of the record a read would return.</param>
    public Decision Decide(SubjectSnapshot subject, CategoryId category, PurposeId purpose, RecipientId? recipient = null, DecisionUse use = DecisionUse.Read, RecordStatus record = RecordStatus.NotApplicable)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var p = purpose.Value;
        var c = category.Value;
        var reasons = DecisionReason.None;

        if (!_purposeCategories[p].Contains(c)) reasons |= DecisionReason.CategoryNotInPurpose;
        reasons |= subject.Basis[p];
        if (subject.Restricted && !_allowedUnderRestriction[p]) reasons |= DecisionReason.Restricted;

        if (subject.Erased && record != RecordStatus.HeldForLegalDuty) reasons |= DecisionReason.SubjectErased;
        switch (record)
        {
            case RecordStatus.Missing: reasons |= DecisionReason.RecordMissing; break;
            case RecordStatus.Expired: reasons |= DecisionReason.RecordExpired; break;
            case RecordStatus.Erased: reasons |= DecisionReason.SubjectErased; break;
            case RecordStatus.HeldForLegalDuty when !_legalObligation[p]: reasons |= DecisionReason.KeptForLegalDutyOnly; break;
        }

        if (use == DecisionUse.Read && _secret[c]) reasons |= DecisionReason.SecretNeverDisclosed;

        var missingPermissions = _gating[c] & ~subject.PermissionsOn;
        if (missingPermissions != 0) reasons |= DecisionReason.PermissionOff;
        if (subject.ChildWithoutGuardian) reasons |= DecisionReason.GuardianConsentMissing;

        if (recipient is { Value: var r })
        {
            if (!_recipientPurposes[r].Contains(p)) reasons |= DecisionReason.RecipientNotForPurpose;
            if (!_recipientCategories[r].Contains(c)) reasons |= DecisionReason.RecipientNotForCategory;
            if (!_transferAllowed[r]) reasons |= DecisionReason.TransferForbidden;
            if (_needsAuthorisation[r] && !subject.IsAuthorised(new RecipientId(r))) reasons |= DecisionReason.AuthorisationMissing;
        }

        return new Decision(reasons, ClauseFor(reasons, p, recipient, missingPermissions));
    }

    /// <summary>Decides many uses for one person at once, writing into <paramref name="results"/>.</summary>
    public void DecideMany(SubjectSnapshot subject, ReadOnlySpan<DecisionQuery> queries, Span<Decision> results)
    {
        if (results.Length < queries.Length) throw new ArgumentException("The results span is shorter than the queries.", nameof(results));
        for (var i = 0; i < queries.Length; i++)
        {
            var q = queries[i];
            results[i] = Decide(subject, q.Category, q.Purpose, q.Recipient, q.Use, q.Record);
        }
    }

    private static PolicyClause ClauseFor(DecisionReason reasons, int purpose, RecipientId? recipient, ulong missingPermissions)
    {
        var first = (DecisionReason)((uint)reasons & (uint)-(int)(uint)reasons);
        return first switch
        {
            DecisionReason.None => recipient is { } r ? new PolicyClause(ClauseKind.Recipient, r.Value) : new PolicyClause(ClauseKind.Purpose, purpose),
            DecisionReason.Restricted or DecisionReason.SubjectErased => new PolicyClause(ClauseKind.Subject, -1),
            DecisionReason.RecordMissing or DecisionReason.RecordExpired or DecisionReason.KeptForLegalDutyOnly => new PolicyClause(ClauseKind.Record, -1),
            DecisionReason.PermissionOff => new PolicyClause(ClauseKind.Permission, System.Numerics.BitOperations.TrailingZeroCount(missingPermissions)),
            DecisionReason.GuardianConsentMissing => new PolicyClause(ClauseKind.Children, -1),
            DecisionReason.RecipientNotForPurpose or DecisionReason.RecipientNotForCategory or DecisionReason.TransferForbidden or DecisionReason.AuthorisationMissing
                => new PolicyClause(ClauseKind.Recipient, recipient!.Value.Value),
            _ => new PolicyClause(ClauseKind.Purpose, purpose),
        };
    }
}

/// <summary>One question in a batch decision.</summary>
/// <param name="Category">The category.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Recipient">The recipient, if any.</param>
/// <param name="Use">Collect or read.</param>
/// <param name="Record">The record's state.</param>
public readonly record struct DecisionQuery(CategoryId Category, PurposeId Purpose, RecipientId? Recipient = null, DecisionUse Use = DecisionUse.Read, RecordStatus Record = RecordStatus.NotApplicable);
