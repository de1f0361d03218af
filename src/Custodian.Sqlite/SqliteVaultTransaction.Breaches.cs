using System.Text.Json;
using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Breach register writes.</summary>
internal sealed partial class SqliteVaultTransaction
{
    public Task SaveBreachAsync(BreachRecord breach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(breach);
        Run(
            """
            INSERT INTO breaches (id, discovered_at, occurred_from, occurred_until, description, consequences, categories, systems, recipients, reported_at, people_notified_at, affected_people, actions)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12)
            ON CONFLICT (id) DO UPDATE SET discovered_at = excluded.discovered_at, occurred_from = excluded.occurred_from, occurred_until = excluded.occurred_until,
                description = excluded.description, consequences = excluded.consequences, categories = excluded.categories, systems = excluded.systems,
                recipients = excluded.recipients, reported_at = excluded.reported_at, people_notified_at = excluded.people_notified_at,
                affected_people = excluded.affected_people, actions = excluded.actions
            """,
            cancellationToken,
            null,
            breach.BreachId, Ticks(breach.DiscoveredAt), Ticks(breach.OccurredFrom), Ticks(breach.OccurredUntil), breach.Description, breach.Consequences,
            JsonSerializer.Serialize(breach.Categories), JsonSerializer.Serialize(breach.Systems), JsonSerializer.Serialize(breach.Recipients),
            Ticks(breach.ReportedAt), Ticks(breach.PeopleNotifiedAt), breach.AffectedPeople, JsonSerializer.Serialize(breach.Actions));
        return Task.CompletedTask;
    }

    public Task<bool> ClaimBreachNotificationAsync(string breachId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(breachId);
        return Task.FromResult(Run("UPDATE breaches SET people_notified_at = $p1 WHERE id = $p0 AND people_notified_at IS NULL", cancellationToken, null, breachId, Ticks(at)) == 1);
    }
}
