using System.Text.Json;
using Custodian.Storage;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Breach register writes; the lists are stored as JSON arrays.</summary>
internal sealed partial class PostgresVaultTransaction
{
    public Task SaveBreachAsync(BreachRecord breach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(breach);
        return RunAsync(
            """
            INSERT INTO breaches (id, discovered_at, occurred_from, occurred_until, description, consequences, categories, systems, recipients, reported_at, people_notified_at, affected_people, actions)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13::jsonb)
            ON CONFLICT (id) DO UPDATE SET discovered_at = excluded.discovered_at, occurred_from = excluded.occurred_from, occurred_until = excluded.occurred_until,
                description = excluded.description, consequences = excluded.consequences, categories = excluded.categories, systems = excluded.systems,
                recipients = excluded.recipients, reported_at = excluded.reported_at, people_notified_at = excluded.people_notified_at,
                affected_people = excluded.affected_people, actions = excluded.actions
            """,
            VaultStoreException.Duplicate,
            cancellationToken,
            breach.BreachId, Ticks(breach.DiscoveredAt), Ticks(breach.OccurredFrom), Ticks(breach.OccurredUntil), breach.Description, breach.Consequences,
            JsonSerializer.Serialize(breach.Categories), JsonSerializer.Serialize(breach.Systems), JsonSerializer.Serialize(breach.Recipients),
            Ticks(breach.ReportedAt), Ticks(breach.PeopleNotifiedAt), breach.AffectedPeople, JsonSerializer.Serialize(breach.Actions));
    }

    public async Task<bool> ClaimBreachNotificationAsync(string breachId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(breachId);

        // Under read committed a second claim waits for the first's row lock, then finds the time set and claims nothing.
        return await RunAsync("UPDATE breaches SET people_notified_at = $2 WHERE id = $1 AND people_notified_at IS NULL", VaultStoreException.Duplicate, cancellationToken, breachId, Ticks(at)) == 1;
    }
}
