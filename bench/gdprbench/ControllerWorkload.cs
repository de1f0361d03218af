namespace Custodian.GdprBench;

/// <summary>The controller: inserts (0.25), metadata updates (0.5), deletes by user (0.025), metadata reads (0.225).</summary>
internal sealed class ControllerWorkload : Workload
{
    public override string Name => "controller";

    protected override IReadOnlyList<(double Share, string Name, Func<WorkloadContext, CancellationToken, Task> Operation)> Mix { get; } =
    [
        (0.25, "insert", InsertAsync),
        (0.5, "update-metadata", (c, ct) => UpdateMetadataAsync(c, LiveUser(c), ct)),
        (0.025, "delete-by-user", DeleteAsync),
        (0.225, "read-metadata", (c, ct) => c.System.ReadMetadataAsync(LiveUser(c), ct)),
    ];

    private static Task InsertAsync(WorkloadContext context, CancellationToken cancellationToken)
    {
        var now = context.Truth.Now;
        var record = new BenchRecord(context.Truth.Count, BenchPurposes.All[BenchPurposes.ConsentIndex], now, BenchPurposes.Expiry(BenchPurposes.ConsentIndex, now), context.NewData());
        context.Truth.Add(record, consent: true);
        return context.System.InsertAsync(record, cancellationToken);
    }

    private static Task DeleteAsync(WorkloadContext context, CancellationToken cancellationToken)
    {
        var key = LiveUser(context);
        context.Truth.Delete(key);
        return context.System.DeleteAsync(key, cancellationToken);
    }
}
