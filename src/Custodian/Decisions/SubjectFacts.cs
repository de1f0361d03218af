using System.Collections.Immutable;

namespace Custodian.Decisions;

/// <summary>
/// Everything recorded about one person that the decision rule reads: consents, objections, restriction,
/// relationships, authorisations and guardian consent. Holds ids and times only, never a personal value.
/// </summary>
public sealed record SubjectFacts
{
    /// <summary>The person's pseudonymous id.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Date of birth, when known, for the minimum age.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>True once the person was erased (their key destroyed).</summary>
    public bool Erased { get; init; }

    /// <summary>The consent ledger, in time order (purposes and permissions).</summary>
    public ImmutableArray<ConsentFact> Consents { get; init; } = [];

    /// <summary>Objections to legitimate-interest purposes.</summary>
    public ImmutableArray<ObjectionFact> Objections { get; init; } = [];

    /// <summary>Restriction switched on and off, in time order.</summary>
    public ImmutableArray<ToggleFact> Restrictions { get; init; } = [];

    /// <summary>Relationship events (opened, ended, warranty_ended, payment_settled…).</summary>
    public ImmutableArray<RelationshipFact> Relationships { get; init; } = [];

    /// <summary>The person's own authorisations for recipients (CU4) and links (CK6, CR6).</summary>
    public ImmutableArray<AuthorisationFact> Authorisations { get; init; } = [];

    /// <summary>A guardian's consent given and withdrawn, in time order (CR12).</summary>
    public ImmutableArray<ToggleFact> GuardianConsents { get; init; } = [];
}

/// <summary>One consent ledger entry.</summary>
/// <param name="Key">The purpose or permission key.</param>
/// <param name="IsPermission">True for a permission, false for a purpose.</param>
/// <param name="Given">True when given, false when withdrawn.</param>
/// <param name="Explicit">Whether the consent was explicit (a separate, specific statement).</param>
/// <param name="At">When.</param>
public sealed record ConsentFact(string Key, bool IsPermission, bool Given, bool Explicit, DateTimeOffset At);

/// <summary>An objection to a purpose, possibly lifted later.</summary>
/// <param name="PurposeKey">The purpose objected to.</param>
/// <param name="At">When the objection was made.</param>
/// <param name="LiftedAt">When it was lifted, if it was.</param>
public sealed record ObjectionFact(string PurposeKey, DateTimeOffset At, DateTimeOffset? LiftedAt);

/// <summary>A state switched on or off at a time (restriction, guardian consent).</summary>
/// <param name="On">True when switched on.</param>
/// <param name="At">When.</param>
public sealed record ToggleFact(bool On, DateTimeOffset At);

/// <summary>A relationship event: the anchors contract purposes and retention count from.</summary>
/// <param name="Kind">The relationship kind (<c>subscription</c>, <c>account</c>, <c>order</c>, <c>contest</c>).</param>
/// <param name="Event">What happened (<c>opened</c>, <c>ended</c>, <c>warranty_ended</c>, <c>payment_settled</c>, <c>transaction</c>, <c>contest_ended</c>, <c>activity</c>).</param>
/// <param name="At">When.</param>
public sealed record RelationshipFact(string Kind, string Event, DateTimeOffset At);

/// <summary>The person's authorisation for a recipient, given or withdrawn.</summary>
/// <param name="RecipientKey">The recipient.</param>
/// <param name="Given">True when given, false when withdrawn.</param>
/// <param name="At">When.</param>
public sealed record AuthorisationFact(string RecipientKey, bool Given, DateTimeOffset At);
