namespace Custodian.GdprBench;

/// <summary>The processor: reads by key for the reporting purpose (0.2) and for a purpose picked at random (0.8), each checked.</summary>
internal sealed class ProcessorWorkload : Workload
{
    public override string Name => "processor";

    protected override IReadOnlyList<(double Share, string Name, Func<WorkloadContext, CancellationToken, Task> Operation)> Mix { get; } =
    [
        (0.2, "read-by-key", (c, ct) => c.CheckedReadAsync(c.NextUser(), 0, ct)),
        (0.8, "read-by-purpose", (c, ct) => c.CheckedReadAsync(c.NextUser(), c.Random.Next(BenchPurposes.All.Length), ct)),
    ];
}
