using System.Runtime.CompilerServices;
using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>The statistics scan: event metadata of people not erased, paged so memory stays bounded.</summary>
public sealed partial class SqliteVaultStore
{
    private const int StatisticsPage = 10_000;

    /// <inheritdoc />
    public async IAsyncEnumerable<EventMetadata> ScanEventsAsync(DateTimeOffset since, DateTimeOffset until, bool withValues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var (page, last) = await Read(cancellationToken, connection =>
            {
                var rows = Query(
                    connection,
                    null,
                    $"""
                    SELECT e.rowid, e.id, e.subject_id, COALESCE(e.key_owner_id, e.subject_id), e.category, e.at, d.type, {(withValues ? "e.sealed" : "NULL")}
                    FROM events e JOIN subjects s ON s.id = e.subject_id
                    LEFT JOIN devices d ON d.subject_id = e.subject_id AND d.device_id = e.device_id
                    WHERE e.rowid > $p0 AND e.at >= $p1 AND e.at < $p2 AND s.shredded_at IS NULL
                    ORDER BY e.rowid LIMIT {StatisticsPage}
                    """,
                    [after, Ticks(since), Ticks(until)],
                    r => (RowId: r.GetInt64(0), Event: new EventMetadata(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Time(r, 5), OptionalString(r, 6), r.IsDBNull(7) ? null : (byte[])r[7])));
                return (rows, rows.Count == 0 ? after : rows[^1].RowId);
            });
            foreach (var row in page) yield return row.Event;
            if (page.Count < StatisticsPage) yield break;
            after = last;
        }
    }
}
