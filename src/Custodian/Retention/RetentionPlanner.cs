using System.Collections.Concurrent;
using System.Collections.Immutable;
using Custodian.Policy;
using Custodian.Storage;

namespace Custodian.Retention;

/// <summary>
/// Computes when each record's time is up under a policy's retention rules and what happens then. A record is kept
/// until the latest expiry of the rules that cover it (data goes once no purpose needs it, CK9); rules with a legal
/// duty govern the copy kept under the hold key, and the live copy only when no other rule covers it. The semantics
/// are written out in docs/retention.md.
/// </summary>
public sealed class RetentionPlanner
{
    private readonly ImmutableArray<RetentionRule> _rules;
    private readonly int _fiscalMonth;
    private readonly int _fiscalDay;
    private readonly ConcurrentDictionary<(string Category, string Purpose), RetentionCoverage> _coverage = new();

    /// <summary>Prepares the planner for one policy's retention section.</summary>
    public RetentionPlanner(RetentionDefinition retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        _rules = retention.Rules;
        _fiscalMonth = retention.FiscalYearEndMonth;
        _fiscalDay = retention.FiscalYearEndDay;
    }

    /// <summary>The policy's retention rules; verdicts name them by index.</summary>
    public ImmutableArray<RetentionRule> Rules => _rules;

    /// <summary>The rules covering <paramref name="categoryKey"/> collected for <paramref name="purposeKey"/>, computed once per pair.</summary>
    public RetentionCoverage Coverage(string categoryKey, string purposeKey) =>
        _coverage.TryGetValue((categoryKey, purposeKey), out var found) ? found : _coverage.GetOrAdd((categoryKey, purposeKey), Compute);

    /// <summary>
    /// The expiry to store with a record: for the live copy, the latest expiry of the rules governing it; for the copy
    /// under the hold key, the latest expiry of the legal-duty rules. Null while an anchor has not happened.
    /// </summary>
    public DateTimeOffset? Expiry(RetentionRecord record, SubjectAnchors anchors)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(anchors);
        var coverage = Coverage(record.CategoryKey, record.PurposeKey);
        if (coverage.IsEmpty) return record.ExpiresAt;
        if (record.KeyKind == SealingKeyKind.Hold) return coverage.LegalDuty.Length == 0 ? record.CollectedAt : Latest(coverage.LegalDuty, record, anchors).Expiry;
        return Latest(coverage.Live, record, anchors).Expiry;
    }

    /// <summary>What happens to <paramref name="record"/> at <see cref="SubjectAnchors.At"/>.</summary>
    public RetentionVerdict Decide(RetentionRecord record, SubjectAnchors anchors)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(anchors);
        var at = anchors.At;
        var coverage = Coverage(record.CategoryKey, record.PurposeKey);
        if (record.KeyKind == SealingKeyKind.Subject)
        {
            if (coverage.IsEmpty) return new RetentionVerdict(RetentionOutcome.NoRule, -1, null);
            if (anchors.Shredded) return new RetentionVerdict(RetentionOutcome.AwaitingPurge, -1, record.ExpiresAt);
            var (live, liveRule) = Latest(coverage.Live, record, anchors);
            if (live is null || live > at) return new RetentionVerdict(RetentionOutcome.Keep, liveRule, live);
            if (coverage.Ordinary.Length > 0 && coverage.LegalDuty.Length > 0)
            {
                var (hold, holdRule) = Latest(coverage.LegalDuty, record, anchors);
                if (hold is null || hold > at) return Act(anchors, RetentionOutcome.MoveToHold, holdRule, hold);
            }

            return Act(anchors, ActionOf(liveRule), liveRule, live);
        }

        if (coverage.LegalDuty.Length == 0) return Act(anchors, RetentionOutcome.Delete, -1, at);
        var (until, rule) = Latest(coverage.LegalDuty, record, anchors);
        return until is null || until > at ? new RetentionVerdict(RetentionOutcome.Keep, rule, until) : Act(anchors, ActionOf(rule), rule, until);
    }

    /// <summary>
    /// The instant a financial year that ends on the policy's <c>fiscal_year_end</c> day is over, for the year in which
    /// <paramref name="instant"/> falls: midnight (UTC) after that day. A year ending 06-30 and an event on 2024-07-01
    /// gives 2025-07-01T00:00Z; a year end of 02-29 falls on 02-28 in other years.
    /// </summary>
    public static DateTimeOffset FiscalYearEndAfter(DateTimeOffset instant, int month, int day)
    {
        var date = DateOnly.FromDateTime(instant.UtcDateTime);
        var end = YearEnd(date.Year, month, day);
        if (end < date) end = YearEnd(date.Year + 1, month, day);
        return new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    /// <summary>The moment <paramref name="rule"/> counts from for <paramref name="record"/>, or null when it has not happened.</summary>
    public DateTimeOffset? Anchor(RetentionRule rule, RetentionRecord record, SubjectAnchors anchors)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(anchors);
        return rule.From switch
        {
            RetentionAnchor.Collected => record.CollectedAt,
            RetentionAnchor.ConsentGiven => anchors.ConsentGiven(record.PurposeKey),
            RetentionAnchor.RelationshipEnded => anchors.RelationshipEnded(rule.AnchorKind ?? ""),
            RetentionAnchor.FiscalYearEnd => anchors.FirstEvent(rule.AnchorKind ?? "", null, null, record.CollectedAt) is { } e ? FiscalYearEndAfter(e, _fiscalMonth, _fiscalDay) : null,
            RetentionAnchor.ContestEnded => anchors.FirstEvent("contest_ended", rule.AnchorKind, rule.AnchorKind ?? "contest", record.CollectedAt),
            RetentionAnchor.Transaction => anchors.FirstEvent("transaction", rule.AnchorKind, null, record.CollectedAt) ?? record.CollectedAt,
            RetentionAnchor.WarrantyEnded => anchors.FirstEvent("warranty_ended", rule.AnchorKind, rule.AnchorKind ?? "warranty", record.CollectedAt),
            RetentionAnchor.LastActivity => anchors.LastActivity ?? record.CollectedAt,
            _ => null,
        };
    }

    private (DateTimeOffset? Expiry, int Rule) Latest(int[] rules, RetentionRecord record, SubjectAnchors anchors)
    {
        DateTimeOffset? latest = null;
        var chosen = -1;
        foreach (var index in rules)
        {
            var rule = _rules[index];
            if (Anchor(rule, record, anchors) is not { } anchor) return (null, index);
            var expiry = rule.Keep.AddTo(anchor);
            if (latest is null || expiry > latest || (expiry == latest && Strength(rule.Action) > Strength(_rules[chosen].Action)))
            {
                latest = expiry;
                chosen = index;
            }
        }

        return (latest, chosen);
    }

    private static RetentionVerdict Act(SubjectAnchors anchors, RetentionOutcome outcome, int rule, DateTimeOffset? expiry) =>
        anchors.UnderLegalHold ? new RetentionVerdict(RetentionOutcome.HeldByLegalHold, rule, expiry) : new RetentionVerdict(outcome, rule, expiry);

    private RetentionOutcome ActionOf(int rule) => rule < 0 ? RetentionOutcome.Delete : _rules[rule].Action switch
    {
        RetentionAction.Anonymise => RetentionOutcome.Anonymise,
        RetentionAction.Archive => RetentionOutcome.Archive,
        _ => RetentionOutcome.Delete,
    };

    // When two rules end on the same day, the one that keeps more of the data decides: archive, then anonymise, then delete.
    private static int Strength(RetentionAction action) => action switch
    {
        RetentionAction.Archive => 2,
        RetentionAction.Anonymise => 1,
        _ => 0,
    };

    private RetentionCoverage Compute((string Category, string Purpose) key)
    {
        var ordinary = new List<int>();
        var legal = new List<int>();
        for (var i = 0; i < _rules.Length; i++)
        {
            if (!RetentionScope.Covers(_rules[i], key.Category, key.Purpose)) continue;
            (_rules[i].LegalDuty ? legal : ordinary).Add(i);
        }

        return new RetentionCoverage([.. ordinary], [.. legal]);
    }

    private static DateOnly YearEnd(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
