namespace Custodian.Storage;

/// <summary>
/// One subject as a retention sweep sees it: its live records (not erased) and the facts its retention anchors count
/// from. Lists are in time order.
/// </summary>
public sealed record RetentionSubject
{
    /// <summary>The subject.</summary>
    public required string SubjectId { get; init; }

    /// <summary>When the subject's data key was destroyed, or null.</summary>
    public DateTimeOffset? ShreddedAt { get; init; }

    /// <summary>Records that still hold a sealed value, ordered by collection time.</summary>
    public IReadOnlyList<RetentionRecord> Records { get; init; } = [];

    /// <summary>Relationship events, oldest first.</summary>
    public IReadOnlyList<RelationshipEvent> Relationships { get; init; } = [];

    /// <summary>Purpose consents (permissions left out), oldest first.</summary>
    public IReadOnlyList<RetentionConsent> Consents { get; init; } = [];

    /// <summary>Legal holds, oldest first.</summary>
    public IReadOnlyList<LegalHold> LegalHolds { get; init; } = [];

    /// <summary>When the subject's newest event was observed, or null when it has none.</summary>
    public DateTimeOffset? LastEventAt { get; init; }
}
