using System.Globalization;

namespace Custodian.GdprBench;

/// <summary>Prints the results as a Markdown table with each Custodian system's speed relative to the baseline.</summary>
internal static class ResultTable
{
    private const string Baseline = "PostgreSQL baseline";

    public static void Print(IReadOnlyList<BenchResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| workload | system | time (s) | ops/s | × baseline throughput | reads checked | violations | unexpected refusals |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var workload in results.Select(r => r.Workload).Distinct())
        {
            var baseline = results.FirstOrDefault(r => r.Workload == workload && r.System == Baseline);
            foreach (var r in results.Where(r => r.Workload == workload))
            {
                var ratio = baseline is null ? "" : (r.PerSecond / baseline.PerSecond).ToString("F2", CultureInfo.InvariantCulture);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {workload} | {r.System} | {r.Elapsed.TotalSeconds:F1} | {r.PerSecond:N0} | {ratio} | {r.ReadsChecked:N0} | {r.Violations} | {r.Refusals} |"));
            }
        }
    }
}
