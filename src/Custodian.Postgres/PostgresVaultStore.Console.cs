using System.Globalization;
using System.Runtime.CompilerServices;
using Custodian.Storage;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Queries behind the admin console's figures: consent rates, the retention forecast, and per-category event counts.</summary>
public sealed partial class PostgresVaultStore
{
    private const int ConsentPage = 10_000;

    /// <summary>Ticks at 1970-01-01, to turn stored ticks into Unix seconds.</summary>
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    /// <inheritdoc />
    public async IAsyncEnumerable<ConsentEntry> ScanConsentsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var page = await WithConnectionAsync(
                c => QueryAsync(
                    c,
                    $"""
                    SELECT seq, id, subject_id, key, kind, given, explicit, policy_version, method, evidence, at, recorded_at, controller, legal_basis
                    FROM consents WHERE seq > $1 ORDER BY seq LIMIT {ConsentPage}
                    """,
                    [after],
                    r => (Seq: r.GetInt64(0), Entry: new ConsentEntry(r.GetString(1), r.GetString(2), r.GetString(3), (ConsentKind)r.GetInt32(4), r.GetBoolean(5), r.GetBoolean(6), r.GetString(7), r.GetString(8), OptionalString(r, 9), Time(r, 10))
                    {
                        RecordedAt = Time(r, 11),
                        Controller = OptionalString(r, 12),
                        LegalBasis = OptionalString(r, 13),
                    }),
                    cancellationToken),
                cancellationToken);

            // The identity column is insertion order; entries are appended as they happen, so it is time order too.
            foreach (var row in page) yield return row.Entry;
            if (page.Count < ConsentPage) yield break;
            after = page[^1].Seq;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ExpiryCount>> CountExpiriesAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<ExpiryCount>>(
            async c => await QueryAsync(
                c,
                $"""
                SELECT CASE WHEN r.expires_at IS NULL THEN NULL
                            ELSE to_char(to_timestamp((greatest(r.expires_at, $1) - {UnixEpochTicks}) / 10000000.0) AT TIME ZONE 'UTC', 'YYYY-MM') END AS month,
                       r.category, COUNT(*)
                FROM records r
                WHERE r.erased_at IS NULL AND r.sealed IS NOT NULL
                  AND (r.expires_at IS NULL OR r.expires_at < $2)
                  AND (r.key_kind = {(int)SealingKeyKind.Hold} OR EXISTS (SELECT 1 FROM subject_keys k WHERE k.subject_id = r.key_owner_id))
                GROUP BY month, r.category
                ORDER BY month NULLS LAST, r.category
                """,
                [Ticks(from), Ticks(until)],
                r => new ExpiryCount(
                    r.IsDBNull(0) ? null : DateOnly.ParseExact(r.GetString(0) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    r.GetString(1),
                    r.GetInt64(2)),
                cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EventCategoryCount>> CountEventsByCategoryAsync(string subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<EventCategoryCount>>(
            async c => await QueryAsync(
                c,
                "SELECT category, COUNT(*), MIN(at), MAX(at) FROM events WHERE subject_id = $1 GROUP BY category ORDER BY category",
                [subjectId],
                r => new EventCategoryCount(r.GetString(0), r.GetInt64(1), Time(r, 2), Time(r, 3)),
                cancellationToken),
            cancellationToken);
}
