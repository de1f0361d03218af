namespace Custodian.GdprBench;

/// <summary>One workload on one system: operations, wall time and the correctness tallies.</summary>
internal sealed record BenchResult(string System, string Workload, int Operations, TimeSpan Elapsed, long ReadsChecked, long Violations, long Refusals)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}
