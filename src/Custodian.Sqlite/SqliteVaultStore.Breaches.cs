using System.Text.Json;
using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>The breach register's reads and the search for who held the categories involved.</summary>
public sealed partial class SqliteVaultStore
{
    private const string BreachColumns = "id, discovered_at, occurred_from, occurred_until, description, consequences, categories, systems, recipients, reported_at, people_notified_at, affected_people, actions";

    /// <inheritdoc />
    public Task<IReadOnlyList<BreachRecord>> GetBreachesAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyList<BreachRecord>>(cancellationToken, connection => Query(connection, null, $"SELECT {BreachColumns} FROM breaches ORDER BY discovered_at DESC, id", [], MapBreach));

    /// <inheritdoc />
    public Task<BreachRecord?> GetBreachAsync(string breachId, CancellationToken cancellationToken) =>
        Read(cancellationToken, connection => Query(connection, null, $"SELECT {BreachColumns} FROM breaches WHERE id = $p0", [breachId], MapBreach).FirstOrDefault());

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindSubjectsHoldingAsync(IReadOnlyList<string> categoryKeys, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<string>>(cancellationToken, connection =>
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in categoryKeys)
            {
                // Categories below the key are the range [key + ".", key + "/") in binary order ('/' follows '.'): an exact,
                // case-sensitive prefix match with no wildcards (LIKE would read '_' and '%' in a key as patterns and ignore case).
                object?[] values = [key, key + ".", key + "/", Ticks(from), Ticks(until)];
                const string Survivor = "WITH RECURSIVE up(id, top) AS (SELECT id, id FROM subjects WHERE merged_into IS NULL UNION SELECT s.id, up.top FROM subjects s JOIN up ON s.merged_into = up.id) ";
                found.UnionWith(Query(connection, null, Survivor + """
                    SELECT DISTINCT up.top FROM records r JOIN up ON up.id = r.subject_id JOIN subjects s ON s.id = up.top
                    WHERE (r.category = $p0 OR (r.category >= $p1 AND r.category < $p2)) AND r.collected_at <= $p4 AND (r.erased_at IS NULL OR r.erased_at >= $p3) AND s.shredded_at IS NULL
                    """, values, r => r.GetString(0)));
                found.UnionWith(Query(connection, null, Survivor + """
                    SELECT DISTINCT up.top FROM events e JOIN up ON up.id = e.subject_id JOIN subjects s ON s.id = up.top
                    WHERE (e.category = $p0 OR (e.category >= $p1 AND e.category < $p2)) AND e.at >= $p3 AND e.at <= $p4 AND s.shredded_at IS NULL
                    """, values, r => r.GetString(0)));
            }

            return found.Order(StringComparer.Ordinal).ToList();
        });

    private static BreachRecord MapBreach(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), Time(r, 1), Time(r, 2), Time(r, 3), r.GetString(4), r.GetString(5), Strings(r.GetString(6)), Strings(r.GetString(7)), Strings(r.GetString(8)))
        {
            ReportedAt = OptionalTime(r, 9),
            PeopleNotifiedAt = OptionalTime(r, 10),
            AffectedPeople = r.GetInt32(11),
            Actions = JsonSerializer.Deserialize<List<BreachAction>>(r.GetString(12)) ?? [],
        };

    private static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
