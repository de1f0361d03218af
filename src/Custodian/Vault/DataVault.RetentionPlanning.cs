using System.Globalization;
using Custodian.Policy;
using Custodian.Retention;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>
    /// What expires per month and category over the next <paramref name="months"/> months from <paramref name="from"/>
    /// (now when null), if no anchor arrives meanwhile: the data the admin console charts and the CLI prints.
    /// </summary>
    public async Task<RetentionForecast> ForecastRetentionAsync(DateTimeOffset? from, int months, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var start = from ?? _clock.GetUtcNow();
        var end = new DateTimeOffset(start.UtcDateTime.Year, start.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(months);
        var planner = _policy.Planner;
        var cells = new Dictionary<(string Month, string Category, RetentionOutcome Outcome), long>();
        var overdue = new Dictionary<string, long>(StringComparer.Ordinal);
        var waiting = new Dictionary<string, long>(StringComparer.Ordinal);
        var later = new Dictionary<string, long>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await _store.ReadRetentionPageAsync(after, RetentionPageSize, cancellationToken);
            foreach (var subject in page)
            {
                var now = new SubjectAnchors(subject, start);
                foreach (var record in subject.Records)
                {
                    var verdict = planner.Decide(record, now);
                    if (verdict.Outcome is RetentionOutcome.NoRule or RetentionOutcome.AwaitingPurge) continue;
                    if (verdict.Outcome != RetentionOutcome.Keep)
                    {
                        overdue[record.CategoryKey] = overdue.GetValueOrDefault(record.CategoryKey) + 1;
                        continue;
                    }

                    if (verdict.ExpiresAt is not { } expires)
                    {
                        waiting[record.CategoryKey] = waiting.GetValueOrDefault(record.CategoryKey) + 1;
                        continue;
                    }

                    if (expires >= end)
                    {
                        later[record.CategoryKey] = later.GetValueOrDefault(record.CategoryKey) + 1;
                        continue;
                    }

                    // What happens then: the planner's verdict on the day the record expires, with the same anchors.
                    var then = planner.Decide(record, new SubjectAnchors(subject, expires)).Outcome;
                    var key = (expires.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture), record.CategoryKey, then == RetentionOutcome.Keep ? RetentionOutcome.Delete : then);
                    cells[key] = cells.GetValueOrDefault(key) + 1;
                }

                after = subject.SubjectId;
            }

            if (page.Count < RetentionPageSize) break;
        }

        return new RetentionForecast
        {
            From = start,
            Months = months,
            Cells = [.. cells.Select(c => new RetentionForecastCell(c.Key.Month, c.Key.Category, c.Key.Outcome, c.Value))
                .OrderBy(c => c.Month, StringComparer.Ordinal).ThenBy(c => c.CategoryKey, StringComparer.Ordinal).ThenBy(c => c.Outcome)],
            Overdue = overdue,
            Waiting = waiting,
            Later = later,
        };
    }

    /// <summary>
    /// The expiry of every record of <paramref name="subject"/> as known at <paramref name="at"/>, and the stored ones
    /// that change. Called with a new fact added in memory (an event, a consent, new records) before it is written, so
    /// the fact and the expiries it moves commit in one transaction.
    /// </summary>
    private (List<ExpiryUpdate> Changes, Dictionary<string, DateTimeOffset?> Expiries) PlanExpiries(RetentionSubject subject, DateTimeOffset at)
    {
        var planner = _policy.Planner;
        var anchors = new SubjectAnchors(subject, at);
        var changes = new List<ExpiryUpdate>();
        var expiries = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var record in subject.Records)
        {
            var expiry = planner.Expiry(record, anchors);
            expiries[record.RecordId] = expiry;
            if (expiry != record.ExpiresAt) changes.Add(new ExpiryUpdate(record.RecordId, expiry));
        }

        return (changes, expiries);
    }

    /// <summary>The expiry changes a new fact causes for a person; empty for an unknown person.</summary>
    private async Task<List<ExpiryUpdate>> ExpiryChangesAsync(string subjectId, Func<RetentionSubject, RetentionSubject> withFact, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var subject = await _store.LoadRetentionSubjectAsync(subjectId, cancellationToken);
        return subject is null || subject.Records.Count == 0 ? [] : PlanExpiries(withFact(subject), at).Changes;
    }

    private bool PolicyCountsFrom(RetentionAnchor anchor)
    {
        foreach (var rule in _policy.Planner.Rules)
        {
            if (rule.From == anchor) return true;
        }

        return false;
    }
}
