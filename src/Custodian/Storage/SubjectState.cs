namespace Custodian.Storage;

/// <summary>
/// Everything the decision engine needs about one subject, loaded in one call. Lists are full
/// histories ordered by time, so a decision can be evaluated at any moment, including the past.
/// </summary>
public sealed record SubjectState
{
    /// <summary>The subject.</summary>
    public required StoredSubject Subject { get; init; }

    /// <summary>True while the subject's data key exists (not crypto-shredded).</summary>
    public required bool HasDataKey { get; init; }

    /// <summary>
    /// The state's version, read together with it (see <see cref="IVaultStore.GetSubjectStateVersionAsync"/>);
    /// null when the store does not track versions.
    /// </summary>
    public long? Version { get; init; }

    /// <summary>The consent ledger, oldest first.</summary>
    public IReadOnlyList<ConsentEntry> Consents { get; init; } = [];

    /// <summary>Objections, oldest first.</summary>
    public IReadOnlyList<Objection> Objections { get; init; } = [];

    /// <summary>Restriction switches, oldest first.</summary>
    public IReadOnlyList<RestrictionChange> Restrictions { get; init; } = [];

    /// <summary>Legal holds, oldest first.</summary>
    public IReadOnlyList<LegalHold> LegalHolds { get; init; } = [];

    /// <summary>Relationship events, oldest first.</summary>
    public IReadOnlyList<RelationshipEvent> Relationships { get; init; } = [];

    /// <summary>Recipient authorisations, oldest first.</summary>
    public IReadOnlyList<RecipientAuthorisation> RecipientAuthorisations { get; init; } = [];

    /// <summary>Guardian consents, oldest first.</summary>
    public IReadOnlyList<GuardianConsent> GuardianConsents { get; init; } = [];

    /// <summary>The newest consent entry for <paramref name="key"/> at or before <paramref name="at"/>, or null.</summary>
    public ConsentEntry? ConsentHead(ConsentKind kind, string key, DateTimeOffset at)
    {
        ConsentEntry? head = null;
        foreach (var entry in Consents)
        {
            if (entry.Kind == kind && entry.At <= at && string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                head = entry;
            }
        }

        return head;
    }

    /// <summary>True when restriction is on at <paramref name="at"/>.</summary>
    public bool IsRestrictedAt(DateTimeOffset at)
    {
        var restricted = false;
        foreach (var change in Restrictions)
        {
            if (change.At <= at)
            {
                restricted = change.Restricted;
            }
        }

        return restricted;
    }
}
