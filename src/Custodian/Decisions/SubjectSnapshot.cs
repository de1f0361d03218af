using System.Collections.Immutable;
using Custodian.Policy;

namespace Custodian.Decisions;

/// <summary>
/// One person's state at one instant, compiled against one policy: per purpose whether its legal basis holds
/// (and why not), which permissions are on, which recipients are authorised, restriction and age. Built once per
/// person and time; every decision after that is a few bit tests.
/// </summary>
public sealed class SubjectSnapshot
{
    private SubjectSnapshot(CompiledPolicy policy, string subjectId, DateTimeOffset at, DecisionReason[] basis, ulong permissionsOn, ulong[] authorised, bool restricted, bool erased, bool childWithoutGuardian)
    {
        Policy = policy;
        SubjectId = subjectId;
        At = at;
        Basis = basis;
        PermissionsOn = permissionsOn;
        Authorised = authorised;
        Restricted = restricted;
        Erased = erased;
        ChildWithoutGuardian = childWithoutGuardian;
    }

    /// <summary>The policy the snapshot was compiled against.</summary>
    public CompiledPolicy Policy { get; }

    /// <summary>The person.</summary>
    public string SubjectId { get; }

    /// <summary>The instant the snapshot describes.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Whether processing is restricted.</summary>
    public bool Restricted { get; }

    /// <summary>Whether the person was erased.</summary>
    public bool Erased { get; }

    /// <summary>Whether the person is under the minimum age without a guardian's consent.</summary>
    public bool ChildWithoutGuardian { get; }

    /// <summary>Bit mask of permission ids that are on.</summary>
    public ulong PermissionsOn { get; }

    internal DecisionReason[] Basis { get; }

    internal ulong[] Authorised { get; }

    /// <summary>Why the legal basis of a purpose does not hold, or none when it does.</summary>
    public DecisionReason BasisFailure(PurposeId purpose) => Basis[purpose.Value];

    /// <summary>Whether the person has authorised a recipient (or linked it).</summary>
    public bool IsAuthorised(RecipientId recipient) => (Authorised[recipient.Value >> 6] & (1UL << (recipient.Value & 63))) != 0;

    /// <summary>Whether a permission is on.</summary>
    public bool IsOn(PermissionId permission) => (PermissionsOn & (1UL << permission.Value)) != 0;

    /// <summary>Compiles a person's facts against a policy at an instant.</summary>
    /// <param name="policy">The policy in force.</param>
    /// <param name="facts">What is recorded about the person.</param>
    /// <param name="at">The instant to decide at; facts after it are ignored.</param>
    /// <param name="reconsentSince">Purposes whose meaning changed materially, with the instant from which consent must be given again.</param>
    public static SubjectSnapshot Build(CompiledPolicy policy, SubjectFacts facts, DateTimeOffset at, IReadOnlyDictionary<string, DateTimeOffset>? reconsentSince = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);
        var basis = new DecisionReason[policy.Purposes.Length];
        foreach (var purpose in policy.Purposes)
        {
            basis[purpose.Id.Value] = purpose.Basis switch
            {
                LegalBasis.Consent => ConsentFailure(policy, purpose, facts, at, reconsentSince),
                LegalBasis.Contract => ContractFailure(purpose.Definition.ContractKind ?? "", purpose.Definition.AfterContract, facts, at),
                LegalBasis.LegitimateInterest => InterestFailure(purpose, facts, at),
                _ => DecisionReason.None,
            };
        }

        ulong permissionsOn = 0;
        foreach (var permission in policy.Permissions)
        {
            var last = Last(facts.Consents, c => c.IsPermission && c.Key == permission.Key, at);
            if (last is { Given: true })
            {
                permissionsOn |= 1UL << permission.Id.Value;
                if (permission.ApproximateVariant is { } variant) permissionsOn |= 1UL << variant.Value;
            }
        }

        var authorised = new ulong[(policy.Recipients.Length + 63) >> 6];
        foreach (var recipient in policy.Recipients)
        {
            var last = Last(facts.Authorisations, a => a.RecipientKey == recipient.Key, at);
            if (last is { Given: true }) authorised[recipient.Id.Value >> 6] |= 1UL << (recipient.Id.Value & 63);
        }

        var restricted = Last(facts.Restrictions, _ => true, at) is { On: true };
        var child = IsChildWithoutGuardian(policy.Document.Children, facts, at);
        return new SubjectSnapshot(policy, facts.SubjectId, at, basis, permissionsOn, authorised, restricted, facts.Erased, child);
    }

    /// <summary>Whether a relationship of <paramref name="kind"/> (any kind when empty) is live at <paramref name="at"/>, counting a window after it ends.</summary>
    public static bool IsLive(SubjectFacts facts, string kind, IsoPeriod? window, DateTimeOffset at) =>
        ContractFailure(kind, window, facts, at) == DecisionReason.None;

    private static DecisionReason ConsentFailure(CompiledPolicy policy, CompiledPurpose purpose, SubjectFacts facts, DateTimeOffset at, IReadOnlyDictionary<string, DateTimeOffset>? reconsentSince)
    {
        var last = Last(facts.Consents, c => !c.IsPermission && c.Key == purpose.Key, at);
        if (last is null) return DecisionReason.ConsentMissing;
        if (!last.Given) return DecisionReason.ConsentWithdrawn;
        if (reconsentSince is not null && reconsentSince.TryGetValue(purpose.Key, out var since) && last.At < since && at >= since)
            return DecisionReason.ConsentOutdated;
        var needsExplicit = purpose.Definition.ExplicitConsent
            || purpose.Categories.Members().Any(id => policy.Categories[id].Sensitivity.HasFlag(CategorySensitivity.Special));
        return needsExplicit && !last.Explicit ? DecisionReason.ExplicitConsentMissing : DecisionReason.None;
    }

    private static DecisionReason ContractFailure(string kind, IsoPeriod? window, SubjectFacts facts, DateTimeOffset at)
    {
        // Several relationships of one kind may run at once (two orders): the kind is live while more were opened than
        // ended, and it ends when the last open one ends.
        var open = 0;
        var everOpened = false;
        DateTimeOffset? endedAt = null;

        // Stores hand relationships over oldest first, so the time order is usually there already; sorting (a stable
        // sort, so equal times keep their order) is only paid for a list built out of order.
        ImmutableArray<RelationshipFact> relationships = InTimeOrder(facts.Relationships) ? facts.Relationships : [.. facts.Relationships.OrderBy(r => r.At)];
        foreach (var fact in relationships)
        {
            if (fact.At > at || (kind.Length != 0 && fact.Kind != kind)) continue;
            if (fact.Event == "opened")
            {
                open++;
                everOpened = true;
                endedAt = null;
            }
            else if (fact.Event == "ended" && open > 0)
            {
                open--;
                if (open == 0) endedAt = fact.At;
            }
        }

        if (!everOpened) return DecisionReason.NoContract;
        if (open > 0 || endedAt is null) return DecisionReason.None;
        var until = window is { } w ? w.AddTo(endedAt.Value) : endedAt.Value;
        return at < until ? DecisionReason.None : DecisionReason.ContractEnded;
    }

    private static bool InTimeOrder(ImmutableArray<RelationshipFact> facts)
    {
        for (var i = 1; i < facts.Length; i++)
        {
            if (facts[i].At < facts[i - 1].At) return false;
        }

        return true;
    }

    private static DecisionReason InterestFailure(CompiledPurpose purpose, SubjectFacts facts, DateTimeOffset at)
    {
        var objected = facts.Objections.Any(o => o.PurposeKey == purpose.Key && o.At <= at && (o.LiftedAt is null || o.LiftedAt > at));
        var reasons = objected ? DecisionReason.Objected : DecisionReason.None;
        if (purpose.Definition.ExistingCustomersOnly && ContractFailure(purpose.Definition.ContractKind ?? "", purpose.Definition.AfterContract, facts, at) != DecisionReason.None)
            reasons |= DecisionReason.NotExistingCustomer;
        return reasons;
    }

    private static bool IsChildWithoutGuardian(ChildrenDefinition children, SubjectFacts facts, DateTimeOffset at)
    {
        if (children.MinimumAge is not { } minimum || facts.BirthDate is not { } born) return false;
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        if (born.AddYears(minimum) <= today) return false;
        return !children.GuardianConsent || Last(facts.GuardianConsents, _ => true, at) is not { On: true };
    }

    private static T? Last<T>(ImmutableArray<T> facts, Func<T, bool> match, DateTimeOffset at)
        where T : class
    {
        T? last = null;
        var lastAt = DateTimeOffset.MinValue;
        foreach (var fact in facts)
        {
            var factAt = fact switch
            {
                ConsentFact c => c.At,
                ToggleFact t => t.At,
                RelationshipFact r => r.At,
                AuthorisationFact a => a.At,
                _ => DateTimeOffset.MinValue,
            };
            if (factAt <= at && factAt >= lastAt && match(fact))
            {
                last = fact;
                lastAt = factAt;
            }
        }

        return last;
    }
}
