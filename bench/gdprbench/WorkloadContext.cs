using System.Text;

namespace Custodian.GdprBench;

/// <summary>What one workload run works on: the system, the ground truth, the random source and the tallies.</summary>
internal sealed class WorkloadContext(IGdprSystem system, GroundTruth truth, Zipfian users, int seed)
{
    public IGdprSystem System => system;

    public GroundTruth Truth => truth;

    public Random Random { get; } = new(seed);

    /// <summary>Time per operation kind.</summary>
    public OperationTimings Timings { get; } = new();

    /// <summary>Reads that returned data the model says must not come back (after objection, withdrawal, expiry or deletion).</summary>
    public long Violations { get; set; }

    /// <summary>Reads that returned nothing where the model expected data.</summary>
    public long Refusals { get; set; }

    /// <summary>Reads checked against the model.</summary>
    public long ReadsChecked { get; set; }

    /// <summary>A user among the loaded ones, zipfian.</summary>
    public int NextUser() => users.Next(Random);

    /// <summary>Reads and checks the answer against the model.</summary>
    public async Task CheckedReadAsync(int key, int purpose, CancellationToken cancellationToken)
    {
        var got = await system.ReadAsync(key, purpose, cancellationToken);
        var may = truth.MayRead(key, purpose);
        ReadsChecked++;
        if (got && !may) Violations++;
        if (!got && may) Refusals++;
    }

    /// <summary>Ten 100-byte fields of letters (never digits: no value may look like a card number).</summary>
    public string NewData()
    {
        var text = new StringBuilder(1_009);
        for (var field = 0; field < 10; field++)
        {
            if (field > 0) text.Append('|');
            for (var i = 0; i < 100; i++) text.Append((char)('a' + Random.Next(26)));
        }

        return text.ToString();
    }
}
