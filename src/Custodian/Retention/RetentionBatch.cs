using Custodian.Storage;

namespace Custodian.Retention;

/// <summary>The changes a retention run has decided and not yet committed.</summary>
internal sealed class RetentionBatch
{
    /// <summary>Records to act on, with the verdict.</summary>
    public List<(RetentionRecord Record, RetentionVerdict Verdict)> Items { get; } = [];

    /// <summary>Kept records whose stored expiry changes.</summary>
    public List<ExpiryUpdate> Expiries { get; } = [];

    /// <summary>How many records are to be acted on.</summary>
    public int Count => Items.Count;

    public void Add(RetentionRecord record, RetentionVerdict verdict) => Items.Add((record, verdict));

    public void Clear()
    {
        Items.Clear();
        Expiries.Clear();
    }
}
