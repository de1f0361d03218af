using Custodian.Storage;

namespace Custodian.Breaches;

/// <summary>Where a breach stands against the GDPR clocks: 72 hours to the authority (Art. 33), without undue delay to people (Art. 34).</summary>
/// <param name="Breach">The register entry.</param>
/// <param name="Deadline">72 hours after discovery.</param>
/// <param name="Overdue">Not reported to the authority and past the deadline.</param>
/// <param name="TimeLeft">Time left before the deadline (negative when overdue), while not reported.</param>
public sealed record BreachStatus(BreachRecord Breach, DateTimeOffset Deadline, bool Overdue, TimeSpan? TimeLeft)
{
    /// <summary>Reported, but after the 72 hours: the notification must give the reasons for the delay.</summary>
    public bool ReportedLate => Breach.ReportedAt > Deadline;

    /// <summary>How long a controller has to tell the supervisory authority (Art. 33(1)).</summary>
    public static TimeSpan ReportWindow { get; } = TimeSpan.FromHours(72);

    /// <summary>The status of a breach at <paramref name="now"/>.</summary>
    public static BreachStatus At(BreachRecord breach, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var deadline = breach.DiscoveredAt + ReportWindow;
        return breach.ReportedAt is null
            ? new BreachStatus(breach, deadline, now > deadline, deadline - now)
            : new BreachStatus(breach, deadline, false, null);
    }
}
