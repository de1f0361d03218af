using Custodian.Policy;
using Custodian.Requests;
using Custodian.Storage;

namespace Custodian.Server.Ui.Admin;

/// <summary>
/// The figures behind the console's charts, computed from keys and dates only: consent rates per purpose by month, the
/// retention forecast (records due for deletion per month, from their expiry dates), and requests answered on time.
/// </summary>
public static class ConsoleFigures
{
    /// <summary>
    /// For each consent-based purpose, per month (the last <paramref name="months"/>, ending with the current one): of the
    /// people who had made a choice about it by the month's end, the share whose latest choice was yes; with the counts.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Purposes, IReadOnlyList<MonthFigure> Rates, IReadOnlyList<MonthFigure> Given, IReadOnlyList<MonthFigure> Decided)> ConsentRatesAsync(
        IVaultStore store, CompiledPolicy policy, DateTimeOffset now, int months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        var purposes = policy.Purposes.Where(p => p.Basis == LegalBasis.Consent).Select(p => p.Key).ToList();
        var index = purposes.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var entries = new List<ConsentEntry>();
        await foreach (var entry in store.ScanConsentsAsync(cancellationToken))
        {
            if (entry.Kind == ConsentKind.Purpose && index.ContainsKey(entry.Key)) entries.Add(entry);
        }

        entries.Sort((a, b) => a.At.CompareTo(b.At));
        var state = new Dictionary<(string Key, string Subject), bool>();
        var next = 0;
        var rates = new List<MonthFigure>();
        var given = new List<MonthFigure>();
        var decided = new List<MonthFigure>();
        foreach (var month in Months(now, months))
        {
            var end = month.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var cut = end < now.UtcDateTime ? new DateTimeOffset(end) : now;
            while (next < entries.Count && entries[next].At < cut)
            {
                state[(entries[next].Key, entries[next].SubjectId)] = entries[next].Given;
                next++;
            }

            var yes = new double?[purposes.Count];
            var all = new double?[purposes.Count];
            var rate = new double?[purposes.Count];
            foreach (var group in state.GroupBy(s => s.Key.Key))
            {
                var i = index[group.Key];
                all[i] = group.Count();
                yes[i] = group.Count(g => g.Value);
                rate[i] = yes[i] / all[i];
            }

            rates.Add(new MonthFigure(month, rate));
            given.Add(new MonthFigure(month, yes));
            decided.Add(new MonthFigure(month, all));
        }

        return (purposes, rates, given, decided);
    }

    /// <summary>Records due for deletion per month over the next <paramref name="months"/> months (overdue ones in the first), and how many wait for an event.</summary>
    public static async Task<(IReadOnlyList<MonthFigure> Months, long Waiting, IReadOnlyList<(string Category, long Count)> Top)> RetentionForecastAsync(
        IVaultStore store, DateTimeOffset now, int months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var first = new DateOnly(now.Year, now.Month, 1);
        var until = new DateTimeOffset(first.AddMonths(months).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var counts = await store.CountExpiriesAsync(now, until, cancellationToken);
        var figures = Months(now, months, forward: true)
            .Select(m => new MonthFigure(m, [counts.Where(c => c.Month == m).Sum(c => c.Count)]))
            .ToList();
        var top = counts.Where(c => c.Month is not null).GroupBy(c => c.CategoryKey).Select(g => (g.Key, g.Sum(c => c.Count))).OrderByDescending(x => x.Item2).Take(5).ToList();
        return (figures, counts.Where(c => c.Month is null).Sum(c => c.Count), top);
    }

    /// <summary>Requests answered per month (the last <paramref name="months"/>): on time and late; and how many open ones are overdue now.</summary>
    public static async Task<(IReadOnlyList<MonthFigure> Months, int OverdueNow)> OnTimeAsync(IVaultStore store, DateTimeOffset now, int months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var requests = await store.ListRequestsAsync(new RequestQuery(Limit: 1_000_000), cancellationToken);
        var figures = Months(now, months).Select(m =>
        {
            var closed = requests.Where(r => r.ClosedAt is { } at && at.Year == m.Year && at.Month == m.Month).ToList();
            return new MonthFigure(m, [closed.Count(r => r.ClosedAt <= r.DueAt), closed.Count(r => r.ClosedAt > r.DueAt)]);
        }).ToList();
        return (figures, requests.Count(r => r.IsOverdueAt(now)));
    }

    private static IEnumerable<DateOnly> Months(DateTimeOffset now, int count, bool forward = false)
    {
        var current = new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        for (var i = 0; i < count; i++) yield return forward ? current.AddMonths(i) : current.AddMonths(i - count + 1);
    }
}
