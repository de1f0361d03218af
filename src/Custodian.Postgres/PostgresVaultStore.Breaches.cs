using System.Text.Json;
using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>The breach register's reads and the search for who held the categories involved.</summary>
public sealed partial class PostgresVaultStore
{
    private const string BreachColumns = "id, discovered_at, occurred_from, occurred_until, description, consequences, categories::text, systems::text, recipients::text, reported_at, people_notified_at, affected_people, actions::text";

    /// <inheritdoc />
    public Task<IReadOnlyList<BreachRecord>> GetBreachesAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<BreachRecord>>(async c => await QueryAsync(c, $"SELECT {BreachColumns} FROM breaches ORDER BY discovered_at DESC, id", [], MapBreach, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<BreachRecord?> GetBreachAsync(string breachId, CancellationToken cancellationToken) =>
        WithConnectionAsync(async c => (await QueryAsync(c, $"SELECT {BreachColumns} FROM breaches WHERE id = $1", [breachId], MapBreach, cancellationToken)).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    /// <remarks>One statement for every category: a key matches itself and, by prefix (<c>^@</c>, no wildcards), the categories below it.</remarks>
    public Task<IReadOnlyList<string>> FindSubjectsHoldingAsync(IReadOnlyList<string> categoryKeys, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(categoryKeys);
        const string Sql = """
            WITH RECURSIVE up(id, top) AS (
                SELECT id, id FROM subjects WHERE merged_into IS NULL
                UNION ALL SELECT s.id, up.top FROM subjects s JOIN up ON s.merged_into = up.id),
            hit(subject_id) AS (
                SELECT r.subject_id FROM records r
                WHERE (r.category = ANY($1) OR r.category ^@ ANY($2)) AND r.collected_at <= $4 AND (r.erased_at IS NULL OR r.erased_at >= $3)
                UNION
                SELECT e.subject_id FROM events e
                WHERE (e.category = ANY($1) OR e.category ^@ ANY($2)) AND e.at >= $3 AND e.at <= $4)
            SELECT DISTINCT up.top FROM hit JOIN up ON up.id = hit.subject_id JOIN subjects s ON s.id = up.top
            WHERE s.shredded_at IS NULL
            """;
        var keys = categoryKeys.ToArray();
        var prefixes = keys.Select(k => k + ".").ToArray();
        return WithConnectionAsync<IReadOnlyList<string>>(
            async c => (await QueryAsync(c, Sql, [keys, prefixes, Ticks(from), Ticks(until)], r => r.GetString(0), cancellationToken)).Order(StringComparer.Ordinal).ToList(),
            cancellationToken);
    }

    private static BreachRecord MapBreach(NpgsqlDataReader r) =>
        new(r.GetString(0), Time(r, 1), Time(r, 2), Time(r, 3), r.GetString(4), r.GetString(5), Strings(r.GetString(6)), Strings(r.GetString(7)), Strings(r.GetString(8)))
        {
            ReportedAt = OptionalTime(r, 9),
            PeopleNotifiedAt = OptionalTime(r, 10),
            AffectedPeople = r.GetInt32(11),
            Actions = JsonSerializer.Deserialize<List<BreachAction>>(r.GetString(12)) ?? [],
        };

    private static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
