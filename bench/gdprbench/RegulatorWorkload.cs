namespace Custodian.GdprBench;

/// <summary>The regulator: reads metadata (0.5), reads the latest 100 log entries (0.499), verifies TTL over all records (0.001).</summary>
internal sealed class RegulatorWorkload : Workload
{
    public override string Name => "regulator";

    protected override IReadOnlyList<(double Share, string Name, Func<WorkloadContext, CancellationToken, Task> Operation)> Mix { get; } =
    [
        (0.5, "read-metadata", (c, ct) => c.System.ReadMetadataAsync(LiveUser(c), ct)),
        (0.499, "read-logs", (c, ct) => c.System.ReadLogsAsync(100, ct)),
        (0.001, "verify-ttl", VerifyTtlAsync),
    ];

    private static async Task VerifyTtlAsync(WorkloadContext context, CancellationToken cancellationToken)
    {
        var counted = await context.System.CountExpiredAsync(context.Truth.Now, cancellationToken);
        context.ReadsChecked++;
        var expected = context.Truth.ExpiredCount();
        if (counted == expected) return;
        context.Violations++;
        Console.WriteLine($"    verify-ttl: {context.System.Name} counted {counted:N0} expired records, the model {expected:N0}");
    }
}
