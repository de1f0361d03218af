using System.Runtime.CompilerServices;
using Custodian.Storage;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>The statistics scan: event metadata of people not erased, in keyset pages so memory stays bounded and no transaction stays open.</summary>
public sealed partial class PostgresVaultStore
{
    private const int StatisticsPage = 10_000;

    /// <inheritdoc />
    public async IAsyncEnumerable<EventMetadata> ScanEventsAsync(DateTimeOffset since, DateTimeOffset until, bool withValues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var select = $"""
            SELECT e.id, e.subject_id, e.key_owner_id, e.category, e.at, d.type, {(withValues ? "e.sealed" : "NULL::bytea")}
            FROM events e JOIN subjects s ON s.id = e.subject_id
            LEFT JOIN devices d ON d.subject_id = e.subject_id AND d.device_id = e.device_id
            """;
        (long At, string Id)? after = null;
        while (true)
        {
            var page = await WithConnectionAsync(
                c => QueryAsync(
                    c,
                    after is null
                        ? $"{select} WHERE e.at >= $1 AND e.at < $2 AND s.shredded_at IS NULL ORDER BY e.at, e.id LIMIT {StatisticsPage}"
                        : $"{select} WHERE (e.at, e.id) > ($1, $3) AND e.at < $2 AND s.shredded_at IS NULL ORDER BY e.at, e.id LIMIT {StatisticsPage}",
                    after is { } a ? [a.At, Ticks(until), a.Id] : [Ticks(since), Ticks(until)],
                    r => new EventMetadata(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Time(r, 4), OptionalString(r, 5), OptionalBytes(r, 6)),
                    cancellationToken),
                cancellationToken);
            foreach (var row in page) yield return row;
            if (page.Count < StatisticsPage) yield break;
            after = (Ticks(page[^1].At), page[^1].EventId);
        }
    }
}
