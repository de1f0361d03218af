namespace Custodian.Retention;

/// <summary>What a retention run found and did: totals, and counts per rule, category and outcome.</summary>
public sealed record RetentionRunResult
{
    /// <summary>The instant evaluated.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>True when nothing was changed.</summary>
    public required bool DryRun { get; init; }

    /// <summary>Subjects with live records evaluated.</summary>
    public long Subjects { get; init; }

    /// <summary>Records evaluated.</summary>
    public long Records { get; init; }

    /// <summary>Kept records whose stored expiry was stale and was corrected.</summary>
    public long ExpiriesCorrected { get; init; }

    /// <summary>Counts per rule, category and outcome (kept records left out), ordered by rule, category, outcome.</summary>
    public IReadOnlyList<RetentionTally> Tallies { get; init; } = [];

    /// <summary>Records due for archiving that were left in place because no archive public key is configured.</summary>
    public long ArchiveKeyMissing { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The total of one outcome over every rule and category.</summary>
    public long Count(RetentionOutcome outcome) => Tallies.Where(t => t.Outcome == outcome).Sum(t => t.Count);
}
