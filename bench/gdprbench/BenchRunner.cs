using System.Diagnostics;
using System.Globalization;

namespace Custodian.GdprBench;

/// <summary>Loads the same records into a system and runs the four workloads on it in order, with the same seeds.</summary>
internal static class BenchRunner
{
    public static readonly Workload[] Workloads = [new ControllerWorkload(), new CustomerWorkload(), new ProcessorWorkload(), new RegulatorWorkload()];

    /// <summary>The records every system starts from: keys 0..n-1, a legitimate-interest purpose each, collected over the last 18 months.</summary>
    public static List<BenchRecord> Records(int count, DateTimeOffset now)
    {
        var random = new Random(42);
        var context = new WorkloadContext(null!, null!, null!, 7);
        var records = new List<BenchRecord>(count);
        for (var key = 0; key < count; key++)
        {
            var purpose = random.Next(BenchPurposes.ConsentIndex);
            var collected = now.AddMinutes(-random.Next(60 * 24 * 548));
            records.Add(new BenchRecord(key, BenchPurposes.All[purpose], collected, BenchPurposes.Expiry(purpose, collected), context.NewData()));
        }

        return records;
    }

    public static async Task<(TimeSpan Load, List<BenchResult> Results)> RunAsync(IGdprSystem system, IReadOnlyList<BenchRecord> records, DateTimeOffset now, int operations, CancellationToken cancellationToken)
    {
        using var personState = new PersonStateCounts();
        var watch = Stopwatch.StartNew();
        await system.LoadAsync(records, cancellationToken);
        var load = watch.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{system.Name}: loaded {records.Count:N0} records in {load.TotalSeconds:F1} s"));
        var truth = new GroundTruth(records, now);
        var users = new Zipfian(records.Count);
        var results = new List<BenchResult>();
        for (var w = 0; w < Workloads.Length; w++)
        {
            var workload = Workloads[w];
            var context = new WorkloadContext(system, truth, users, 1_000 + w);
            personState.TakeSummary();
            watch.Restart();
            for (var op = 1; op <= operations; op++)
            {
                await workload.RunOneAsync(context, cancellationToken);
                Progress.Report(system.Name, workload.Name, op, operations);
            }

            var result = new BenchResult(system.Name, workload.Name, operations, watch.Elapsed, context.ReadsChecked, context.Violations, context.Refusals);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{system.Name} {workload.Name}: {operations:N0} ops in {result.Elapsed.TotalSeconds:F1} s = {result.PerSecond:N0} ops/s; {result.ReadsChecked:N0} checked, {result.Violations} violations, {result.Refusals} unexpected refusals"));
            Console.WriteLine("    " + context.Timings);
            if (personState.TakeSummary() is { } summary) Console.WriteLine("    " + summary);
            results.Add(result);
        }

        return (load, results);
    }
}
