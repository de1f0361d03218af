using System.Globalization;

namespace Custodian.Breaches;

/// <summary>What is wrong with the dates of a breach being recorded: the field at fault (as the API names it) and the fix.</summary>
/// <param name="Field">The field at fault: <c>occurredFrom</c>, <c>occurredUntil</c> or <c>discoveredAt</c>.</param>
/// <param name="Message">What is wrong and how to fix it, in words that suit the API and the command line alike.</param>
public sealed record BreachPeriodProblem(string Field, string Message);

/// <summary>
/// The dates of a breach must describe something that happened: it began no later than now, ended no earlier than it
/// began, and was discovered after it began and no later than now. A few minutes of clock skew are allowed for "now".
/// </summary>
public static class BreachPeriod
{
    /// <summary>How far ahead of this clock a caller's "now" may be.</summary>
    public static TimeSpan ClockSkew { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The first problem with the dates, or null when they are consistent.</summary>
    /// <remarks>A start up to <see cref="ClockSkew"/> ahead of now, with no discovery given, is accepted: the discovery is then taken to be the start.</remarks>
    /// <param name="discoveredAt">When it was discovered (null: now).</param>
    /// <param name="occurredFrom">When it began.</param>
    /// <param name="occurredUntil">When it ended (null: the discovery).</param>
    /// <param name="now">This clock's time.</param>
    public static BreachPeriodProblem? Check(DateTimeOffset? discoveredAt, DateTimeOffset occurredFrom, DateTimeOffset? occurredUntil, DateTimeOffset now)
    {
        var latest = now + ClockSkew;
        if (occurredFrom > latest)
            return new("occurredFrom", $"The start of the breach ({Time(occurredFrom)}) is in the future (it is now {Time(now)}): give when it began, at or before now.");
        if (discoveredAt > latest)
            return new("discoveredAt", $"The discovery of the breach ({Time(discoveredAt.Value)}) is in the future (it is now {Time(now)}): give when it was discovered, or leave it out to mean now.");
        if (occurredUntil < occurredFrom)
            return new("occurredUntil", $"The end of the breach ({Time(occurredUntil.Value)}) is before its start ({Time(occurredFrom)}): give an end at or after the start, or leave it out while unknown.");
        if (discoveredAt < occurredFrom)
            return new("discoveredAt", $"The discovery of the breach ({Time(discoveredAt.Value)}) is before its start ({Time(occurredFrom)}), which is impossible: check both dates; a breach is discovered at or after it began.");

        return null;
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
