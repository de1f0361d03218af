using System.Globalization;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Decisions;
using Custodian.Policy;
using Custodian.Statistics;
using Custodian.Storage;
using Custodian.Taxonomy;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>
    /// Anonymous statistics (CK11, IS9, CR4): counts (and optionally clamped sums) of readings by chosen dimensions.
    /// A person's readings count only where the policy allows the purpose for them now; erased people are gone;
    /// groups with fewer than k people are suppressed (merged into one "suppressed" group when that reaches k,
    /// else dropped); optional Laplace noise with a stated ε. The export and the audit entry record the parameters.
    /// </summary>
    public async Task<StatisticsExport> ExportStatisticsAsync(StatisticsRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var policy = _policy;
        var purpose = ResolvePurpose(request.Purpose);
        foreach (var key in request.Categories) ResolveCategory(key);
        var unknown = request.Dimensions.FirstOrDefault(d => !StatisticsRequest.KnownDimensions.Contains(d));
        if (unknown is not null)
            throw new VaultException(VaultErrorCodes.InvalidIdentifier, $"'{unknown}' is not a statistics dimension; use {string.Join(", ", StatisticsRequest.KnownDimensions)}.", Suggestions.Nearest(unknown, StatisticsRequest.KnownDimensions));
        if (request.FirstProblem() is { } problem) throw new VaultException(VaultErrorCodes.InvalidValue, $"'{problem.Field}': {problem.Message}");
        var k = Math.Max(2, request.MinimumGroup ?? policy.Compiled.Document.StatisticsMinimumGroup);
        var cap = Math.Max(1, request.MaxReadingsPerPerson);
        var now = _clock.GetUtcNow();

        var allowedCache = new Dictionary<(string, string), bool>();
        var snapshots = new Dictionary<string, SubjectSnapshot?>(StringComparer.Ordinal);
        var sealers = new Dictionary<string, RecordSealer?>(StringComparer.Ordinal);
        var groups = new Dictionary<string, (Dictionary<string, string> Group, GroupTally Tally)>(StringComparer.Ordinal);
        try
        {
            await foreach (var e in _store.ScanEventsAsync(request.Since, request.Until, request.Sum, cancellationToken))
            {
                if (request.Categories.Count > 0 && !request.Categories.Any(c => BuiltInTaxonomy.IsAtOrBelow(e.CategoryKey, c))) continue;
                if (!policy.Compiled.TryGetCategory(e.CategoryKey, out var category)) continue;
                if (!allowedCache.TryGetValue((e.SubjectId, e.CategoryKey), out var allowed))
                {
                    if (!snapshots.TryGetValue(e.SubjectId, out var snapshot))
                        snapshots[e.SubjectId] = snapshot = await TrySnapshotAsync(e.SubjectId, now, cancellationToken);
                    allowed = snapshot is not null && policy.Engine.Decide(snapshot, category, purpose, null, DecisionUse.Read, RecordStatus.Present).Allowed;
                    allowedCache[(e.SubjectId, e.CategoryKey)] = allowed;
                }

                if (!allowed) continue;
                double? value = null;
                if (request.Sum && e.Sealed is not null)
                {
                    if (!sealers.TryGetValue(e.KeyOwnerId, out var sealer)) sealers[e.KeyOwnerId] = sealer = await SubjectSealerAsync(e.KeyOwnerId, cancellationToken);
                    if (sealer is not null && double.TryParse(sealer.OpenString(e.Sealed, new SealBinding(e.KeyOwnerId, e.CategoryKey, e.EventId)), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                        value = Math.Clamp(number, request.SumLower, request.SumUpper);
                }

                var group = request.Dimensions.ToDictionary(d => d, d => d switch
                {
                    "category" => e.CategoryKey,
                    "month" => e.At.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    _ => e.DeviceType ?? "unknown",
                }, StringComparer.Ordinal);
                var groupKey = string.Join('\u001f', request.Dimensions.Select(d => group[d]));
                if (!groups.TryGetValue(groupKey, out var entry)) groups[groupKey] = entry = (group, new GroupTally());
                entry.Tally.Add(e.SubjectId, cap, value);
            }
        }
        finally
        {
            foreach (var sealer in sealers.Values) sealer?.Dispose();
        }

        var (rows, suppressed, scales) = Release(groups.Values.ToList(), request, k, cap);
        var included = groups.Values.SelectMany(g => g.Tally.People.Keys).Distinct(StringComparer.Ordinal).Count();
        var parameters = new StatisticsParameters(request.Purpose, request.Dimensions, request.Since, request.Until, k, request.Epsilon, scales, cap, rows.Count, suppressed, included, policy.Compiled.Document.Version, now);
        await AuditAsync(new AuditEntry(now, actor, "statistics.export")
        {
            Purpose = request.Purpose,
            Categories = Distinct(request.Categories),
            Count = rows.Count,
            Details = new Dictionary<string, string>
            {
                ["k"] = AuditToken.Number(k),
                ["epsilon"] = request.Epsilon is { } noise ? AuditToken.Number(noise) : "none",
                ["suppressed"] = AuditToken.Number(suppressed),
                ["people"] = AuditToken.Number(included),
                ["dimensions"] = request.Dimensions.Count == 0 ? "none" : string.Join("/", request.Dimensions),
            },
        }, cancellationToken);
        return new StatisticsExport(parameters, rows);
    }

    private async Task<SubjectSnapshot?> TrySnapshotAsync(string subjectId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            return await SnapshotAsync(subjectId, at, cancellationToken);
        }
        catch (VaultException)
        {
            return null;
        }
    }

    private static (List<StatisticsRow> Rows, int Suppressed, Dictionary<string, double> Scales) Release(
        List<(Dictionary<string, string> Group, GroupTally Tally)> groups, StatisticsRequest request, int k, int cap)
    {
        var measures = request.Sum ? 3 : 2;
        var scales = new Dictionary<string, double>(StringComparer.Ordinal);
        if (request.Epsilon is { } epsilon and > 0)
        {
            var share = epsilon / measures;
            scales["people"] = 1 / share;
            scales["readings"] = cap / share;
            if (request.Sum) scales["sum"] = cap * Math.Max(Math.Abs(request.SumLower), Math.Abs(request.SumUpper)) / share;
        }

        StatisticsRow Row(IReadOnlyDictionary<string, string> group, GroupTally tally)
        {
            double Noise(string measure) => scales.TryGetValue(measure, out var scale) ? LaplaceNoise.Sample(scale) : 0;
            var people = Math.Max(0, (long)Math.Round(tally.People.Count + Noise("people")));
            var readings = Math.Max(0, (long)Math.Round(tally.People.Values.Sum(p => p.Readings) + Noise("readings")));
            double? sum = request.Sum ? tally.People.Values.Sum(p => p.Sum) + Noise("sum") : null;
            return new StatisticsRow(group, people, readings, sum);
        }

        var rows = new List<StatisticsRow>();
        var small = new GroupTally();
        var suppressed = 0;
        foreach (var (group, tally) in groups.OrderBy(g => string.Join('/', g.Group.Values), StringComparer.Ordinal))
        {
            if (tally.People.Count >= k) rows.Add(Row(group, tally));
            else
            {
                suppressed++;
                small.Absorb(tally);
            }
        }

        if (suppressed > 0 && small.People.Count >= k)
            rows.Add(Row(new Dictionary<string, string>(StringComparer.Ordinal) { ["suppressed"] = "true" }, small));
        return (rows, suppressed, scales);
    }
}
