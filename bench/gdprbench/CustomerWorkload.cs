namespace Custodian.GdprBench;

/// <summary>The customer: read, read metadata, update (of an unexpired record), update metadata, delete, 0.2 each, zipfian over users.</summary>
internal sealed class CustomerWorkload : Workload
{
    public override string Name => "customer";

    protected override IReadOnlyList<(double Share, string Name, Func<WorkloadContext, CancellationToken, Task> Operation)> Mix { get; } =
    [
        (0.2, "read", (c, ct) => c.CheckedReadAsync(c.NextUser(), c.Random.Next(BenchPurposes.All.Length), ct)),
        (0.2, "read-metadata", (c, ct) => c.System.ReadMetadataAsync(LiveUser(c), ct)),
        (0.2, "update", (c, ct) => c.System.UpdateDataAsync(CurrentUser(c), c.NewData(), ct)),
        (0.2, "update-metadata", (c, ct) => UpdateMetadataAsync(c, LiveUser(c), ct)),
        (0.2, "delete", DeleteAsync),
    ];

    private static Task DeleteAsync(WorkloadContext context, CancellationToken cancellationToken)
    {
        var key = LiveUser(context);
        context.Truth.Delete(key);
        return context.System.DeleteAsync(key, cancellationToken);
    }
}
