using System.Diagnostics.Metrics;
using System.Globalization;
using Custodian.Vault;

namespace Custodian.GdprBench;

/// <summary>
/// Counts what the vault reports on its meter (<see cref="VaultMetrics"/>) while a workload runs: how each use of a
/// person's state was served, from a copy held in memory or from the store. Systems run one after another, so every
/// measurement belongs to the workload running.
/// </summary>
internal sealed class PersonStateCounts : IDisposable
{
    private static readonly string[] Outcomes = [PersonStateOutcome.Held, PersonStateOutcome.Confirmed, PersonStateOutcome.Changed, PersonStateOutcome.Stale, PersonStateOutcome.Loaded];
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public PersonStateCounts()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == VaultMetrics.MeterName && instrument.Name == VaultMetrics.PersonStateInstrument) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key != VaultMetrics.OutcomeTag || tag.Value is not string outcome) continue;
                lock (_gate) _counts[outcome] = _counts.GetValueOrDefault(outcome) + value;
            }
        });
        _listener.Start();
    }

    /// <summary>"person state: held n, confirmed n, …" since the last call, or null when nothing was counted (the baseline); then starts again.</summary>
    public string? TakeSummary()
    {
        lock (_gate)
        {
            if (_counts.Count == 0) return null;
            var summary = "person state: " + string.Join(", ", Outcomes.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o} {_counts.GetValueOrDefault(o):N0}")));
            _counts.Clear();
            return summary;
        }
    }

    public void Dispose() => _listener.Dispose();
}
