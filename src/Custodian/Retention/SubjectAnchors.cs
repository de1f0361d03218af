using Custodian.Storage;

namespace Custodian.Retention;

/// <summary>
/// The moments one person's retention periods count from, as known at one instant: facts recorded after it are ignored,
/// so a sweep or a forecast can be evaluated at any time on a virtual clock. Built once per person per run.
/// </summary>
public sealed class SubjectAnchors
{
    private readonly RelationshipEvent[] _relationships;
    private readonly RetentionConsent[] _consents;
    private readonly LegalHold[] _holds;
    private Dictionary<string, DateTimeOffset?>? _ended;

    /// <summary>Reads the anchors of <paramref name="subject"/> as known at <paramref name="at"/>.</summary>
    public SubjectAnchors(RetentionSubject subject, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(subject);
        At = at;
        SubjectId = subject.SubjectId;
        Shredded = subject.ShreddedAt is { } shredded && shredded <= at;
        _relationships = Known(subject.Relationships, r => r.At, at);
        _consents = Known(subject.Consents, c => c.At, at);
        _holds = [.. subject.LegalHolds];
        DateTimeOffset? last = subject.LastEventAt is { } e && e <= at ? e : null;
        foreach (var r in _relationships) last = Later(last, r.At);
        foreach (var r in subject.Records)
        {
            if (r.CollectedAt <= at) last = Later(last, r.CollectedAt);
        }

        LastActivity = last;
    }

    /// <summary>The instant the anchors are read at.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The person.</summary>
    public string SubjectId { get; }

    /// <summary>True when the person's data key was destroyed by then.</summary>
    public bool Shredded { get; }

    /// <summary>The person's last activity: any relationship event, any record collected, any event observed.</summary>
    public DateTimeOffset? LastActivity { get; }

    /// <summary>True when a legal hold (a dispute) is in force at <see cref="At"/>: nothing of the person may be erased.</summary>
    public bool UnderLegalHold
    {
        get
        {
            foreach (var hold in _holds)
            {
                if (hold.From <= At && (hold.Until is null || hold.Until > At) && (hold.LiftedAt is null || hold.LiftedAt > At)) return true;
            }

            return false;
        }
    }

    /// <summary>When consent for <paramref name="purposeKey"/> was last given, or null when never.</summary>
    public DateTimeOffset? ConsentGiven(string purposeKey)
    {
        DateTimeOffset? given = null;
        foreach (var c in _consents)
        {
            if (c.Given && string.Equals(c.PurposeKey, purposeKey, StringComparison.Ordinal)) given = c.At;
        }

        return given;
    }

    /// <summary>
    /// When the relationship of <paramref name="kind"/> (any kind when empty) ended, or null while it is live or never opened.
    /// Several relationships of one kind may overlap (two orders): the kind is live while more were opened than ended.
    /// </summary>
    public DateTimeOffset? RelationshipEnded(string kind)
    {
        _ended ??= new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        if (_ended.TryGetValue(kind, out var cached)) return cached;
        var open = 0;
        DateTimeOffset? endedAt = null;
        foreach (var r in _relationships)
        {
            if (kind.Length != 0 && !string.Equals(r.Kind, kind, StringComparison.Ordinal)) continue;
            if (r.Event == "opened")
            {
                open++;
                endedAt = null;
            }
            else if (r.Event == "ended" && open > 0)
            {
                open--;
                if (open == 0) endedAt = r.At;
            }
        }

        var result = open > 0 ? null : endedAt;
        _ended[kind] = result;
        return result;
    }

    /// <summary>
    /// The first event named <paramref name="eventName"/> at or after <paramref name="from"/> (of relationship
    /// <paramref name="kind"/> when given), or an <c>ended</c> event of <paramref name="endedKind"/>; null when none yet.
    /// A record belongs to the first such event after it was collected: the contest it entered, the transaction it records.
    /// </summary>
    public DateTimeOffset? FirstEvent(string eventName, string? kind, string? endedKind, DateTimeOffset from)
    {
        foreach (var r in _relationships)
        {
            if (r.At < from) continue;
            var named = string.Equals(r.Event, eventName, StringComparison.Ordinal) && (kind is null || string.Equals(r.Kind, kind, StringComparison.Ordinal));
            var ended = endedKind is not null && r.Event == "ended" && string.Equals(r.Kind, endedKind, StringComparison.Ordinal);
            if (named || ended) return r.At;
        }

        return null;
    }

    // The store hands facts over in time order; sorting again keeps that true for callers that add one in memory.
    private static T[] Known<T>(IReadOnlyList<T> facts, Func<T, DateTimeOffset> time, DateTimeOffset at) =>
        facts.Count == 0 ? [] : [.. facts.Where(f => time(f) <= at).OrderBy(time)];

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x >= b ? x : b;
}
