namespace Custodian.Retention;

/// <summary>
/// What expires per month and category over the coming months if nothing else happens (no anchor arrives, no hold
/// changes): the table <c>custodian retention forecast</c> prints and the admin console charts.
/// </summary>
public sealed record RetentionForecast
{
    /// <summary>The instant the forecast starts at.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>How many months it covers.</summary>
    public required int Months { get; init; }

    /// <summary>Records expiring, per month, category and outcome, ordered by month then category.</summary>
    public IReadOnlyList<RetentionForecastCell> Cells { get; init; } = [];

    /// <summary>Records already past their time (the next run acts on them), per category.</summary>
    public IReadOnlyDictionary<string, long> Overdue { get; init; } = new Dictionary<string, long>();

    /// <summary>Records waiting for an anchor that has not happened (a live relationship), per category.</summary>
    public IReadOnlyDictionary<string, long> Waiting { get; init; } = new Dictionary<string, long>();

    /// <summary>Records expiring after the forecast's last month, per category.</summary>
    public IReadOnlyDictionary<string, long> Later { get; init; } = new Dictionary<string, long>();
}
