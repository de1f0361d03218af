namespace Custodian.GdprBench;

/// <summary>The customer: read, read metadata, update, update metadata, delete, 0.2 each, zipfian over users.</summary>
internal sealed class CustomerWorkload : Workload
{
    public override string Name => "customer";

    protected override IReadOnlyList<(double Share, Func<WorkloadContext, CancellationToken, Task> Operation)> Mix { get; } =
    [
        (0.2, (c, ct) => c.CheckedReadAsync(c.NextUser(), c.Random.Next(BenchPurposes.All.Length), ct)),
        (0.2, (c, ct) => c.System.ReadMetadataAsync(LiveUser(c), ct)),
        (0.2, (c, ct) => c.System.UpdateDataAsync(LiveUser(c), c.NewData(), ct)),
        (0.2, (c, ct) => UpdateMetadataAsync(c, LiveUser(c), ct)),
        (0.2, DeleteAsync),
    ];

    private static Task DeleteAsync(WorkloadContext context, CancellationToken cancellationToken)
    {
        var key = LiveUser(context);
        context.Truth.Delete(key);
        return context.System.DeleteAsync(key, cancellationToken);
    }
}
