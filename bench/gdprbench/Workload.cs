using System.Diagnostics;

namespace Custodian.GdprBench;

/// <summary>One of GDPRbench's workloads: a name and a mix of operations picked by weight.</summary>
internal abstract class Workload
{
    public abstract string Name { get; }

    /// <summary>The operations with their shares; they sum to 1.</summary>
    protected abstract IReadOnlyList<(double Share, string Name, Func<WorkloadContext, CancellationToken, Task> Operation)> Mix { get; }

    /// <summary>Runs one operation picked by weight.</summary>
    public async Task RunOneAsync(WorkloadContext context, CancellationToken cancellationToken)
    {
        var pick = context.Random.NextDouble();
        var chosen = Mix[^1];
        foreach (var entry in Mix)
        {
            if (pick < entry.Share)
            {
                chosen = entry;
                break;
            }

            pick -= entry.Share;
        }

        var started = Stopwatch.GetTimestamp();
        await chosen.Operation(context, cancellationToken);
        context.Timings.Add(chosen.Name, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Objects to a legitimate-interest purpose or lifts the objection, or withdraws or gives consent.</summary>
    protected static Task UpdateMetadataAsync(WorkloadContext context, int key, CancellationToken cancellationToken)
    {
        var purpose = context.Random.Next(BenchPurposes.All.Length);
        if (purpose == BenchPurposes.ConsentIndex)
        {
            var given = !context.Truth.HasConsent(key);
            context.Truth.SetConsent(key, given);
            return context.System.SetConsentAsync(key, given, cancellationToken);
        }

        var objected = !context.Truth.IsObjected(key, purpose);
        context.Truth.SetObjected(key, purpose, objected);
        return context.System.SetObjectionAsync(key, purpose, objected, cancellationToken);
    }

    /// <summary>A live user (not yet deleted), zipfian; deleted users are skipped so metadata updates hit existing people.</summary>
    protected static int LiveUser(WorkloadContext context) => PickUser(context, key => !context.Truth.IsDeleted(key));

    /// <summary>A user whose record exists and has not expired, zipfian: the compliant baseline would already have deleted an expired one.</summary>
    protected static int CurrentUser(WorkloadContext context) => PickUser(context, context.Truth.IsCurrent);

    private static int PickUser(WorkloadContext context, Func<int, bool> accept)
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var key = context.NextUser();
            if (accept(key)) return key;
        }

        throw new InvalidOperationException("Nearly every popular user is deleted or expired; use fewer operations or more records.");
    }
}
