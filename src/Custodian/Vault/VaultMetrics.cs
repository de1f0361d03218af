using System.Diagnostics.Metrics;

namespace Custodian.Vault;

/// <summary>
/// What the vault reports through .NET's <see cref="System.Diagnostics.Metrics"/> under the meter
/// <see cref="MeterName"/>: how each use of a person's state was served — from a copy held in memory or from the
/// store. A server whose uses are mostly <see cref="PersonStateOutcome.Loaded"/> pays a store read per call; one
/// with many <see cref="PersonStateOutcome.Stale"/> has another writer changing the same people. Tags name outcomes
/// only: never a person's id, a key or a value.
/// </summary>
public static class VaultMetrics
{
    /// <summary>The meter's name, to listen to (<c>Custodian.Vault</c>).</summary>
    public const string MeterName = "Custodian.Vault";

    /// <summary>The counter of uses of a person's state, tagged <see cref="OutcomeTag"/>.</summary>
    public const string PersonStateInstrument = "custodian.vault.person_state";

    /// <summary>The tag that says how a use of a person's state was served: one of <see cref="PersonStateOutcome"/>.</summary>
    public const string OutcomeTag = "outcome";

    private static readonly Meter Meter = new(MeterName, typeof(VaultMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> PersonState = Meter.CreateCounter<long>(
        PersonStateInstrument,
        unit: "{use}",
        description: "Uses of a person's state by the vault, by how they were served: held, confirmed, changed, stale or loaded.");

    /// <summary>Counts one use of a person's state served as <paramref name="outcome"/> (a <see cref="PersonStateOutcome"/> value).</summary>
    internal static void CountPersonState(string outcome) => PersonState.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome));
}

/// <summary>The values of <see cref="VaultMetrics.OutcomeTag"/>.</summary>
public static class PersonStateOutcome
{
    /// <summary>Answered on copies held in memory; the unit of work that recorded it confirmed they were current. One store call.</summary>
    public const string Held = "held";

    /// <summary>A held copy was confirmed current by a read of the person's versions, then used.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>A held copy was found out of date by a read of the person's versions; the person was read afresh in the same call.</summary>
    public const string Changed = "changed";

    /// <summary>An answer made on held copies was not recorded because the person had changed meanwhile; nothing was written and the person is read afresh.</summary>
    public const string Stale = "stale";

    /// <summary>No copy was held (first use by this vault, dropped after a change, or evicted): the person was read from the store.</summary>
    public const string Loaded = "loaded";
}
