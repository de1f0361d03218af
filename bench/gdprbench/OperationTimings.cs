using System.Globalization;

namespace Custodian.GdprBench;

/// <summary>Count and total time per operation kind within one workload run, to see where the time goes.</summary>
internal sealed class OperationTimings
{
    private readonly Dictionary<string, (long Count, TimeSpan Total)> _byName = new(StringComparer.Ordinal);

    public void Add(string name, TimeSpan elapsed)
    {
        var (count, total) = _byName.GetValueOrDefault(name);
        _byName[name] = (count + 1, total + elapsed);
    }

    /// <summary>"name n × mean ms" for each kind.</summary>
    public override string ToString() => string.Join("; ", _byName.Select(p =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.Count:N0} × {p.Value.Total.TotalMilliseconds / p.Value.Count:F2} ms")));
}
