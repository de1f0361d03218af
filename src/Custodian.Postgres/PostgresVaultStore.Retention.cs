using System.Data;
using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Retention reads of <see cref="PostgresVaultStore"/>: pages of subjects with their live records and anchors, archives, statistics.</summary>
public sealed partial class PostgresVaultStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Ids compare in the database's collation (ordinal under the C collation); pages only need the order to be the same
    /// for the page bounds and the range read, which run in one repeatable-read snapshot.
    /// </remarks>
    public Task<IReadOnlyList<RetentionSubject>> ReadRetentionPageAsync(string? afterSubjectId, int maxSubjects, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSubjects);
        return WithConnectionAsync<IReadOnlyList<RetentionSubject>>(
            async connection =>
            {
                await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

                // The page's bounds come from the live-record index alone; the range read then touches only live rows.
                var ids = await QueryAsync(
                    connection,
                    "SELECT DISTINCT subject_id FROM records WHERE subject_id > $1 AND erased_at IS NULL AND sealed IS NOT NULL ORDER BY subject_id LIMIT $2",
                    [afterSubjectId ?? "", maxSubjects],
                    r => r.GetString(0),
                    cancellationToken);
                return ids.Count == 0 ? [] : await ReadRetentionRangeAsync(connection, snapshot, ids[0], ids[^1], cancellationToken);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<RetentionSubject?> LoadRetentionSubjectAsync(string subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async connection =>
            {
                await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                if ((await QuerySubjectsAsync(connection, "WHERE id = $1", subjectId, cancellationToken)).FirstOrDefault() is not { } subject) return null;
                var found = await ReadRetentionRangeAsync(connection, snapshot, subjectId, subjectId, cancellationToken);
                return found.Count > 0 ? found[0] : new RetentionSubject { SubjectId = subjectId, ShreddedAt = subject.ShreddedAt };
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredArchive>> ReadArchivesAsync(string? subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<StoredArchive>>(
            async connection =>
            {
                await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                var items = await QueryAsync(
                    connection,
                    "SELECT archive_id, record_id, subject_id, category, purpose, rule, collected_at, sealed FROM archive_items WHERE $1::text IS NULL OR subject_id = $1::text ORDER BY archive_id, record_id",
                    [subjectId],
                    r => (Archive: r.GetString(0), Item: new ArchivedItem(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), Time(r, 6), r.GetFieldValue<byte[]>(7))),
                    cancellationToken);
                var byArchive = items.GroupBy(i => i.Archive, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(i => i.Item).ToList(), StringComparer.Ordinal);
                var archives = await QueryAsync(
                    connection,
                    "SELECT id, created_at, algorithm, key_fingerprint, wrapped_key FROM archives ORDER BY created_at, id",
                    [],
                    r => new StoredArchive(r.GetString(0), Time(r, 1), r.GetString(2), r.GetFieldValue<byte[]>(3), r.GetFieldValue<byte[]>(4), []),
                    cancellationToken);
                return archives
                    .Where(a => subjectId is null || byArchive.ContainsKey(a.ArchiveId))
                    .Select(a => a with { Items = byArchive.GetValueOrDefault(a.ArchiveId) ?? [] })
                    .ToList();
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AnonymousCount>> ReadAnonymousCountsAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<AnonymousCount>>(
            async connection => await QueryAsync(
                connection,
                "SELECT category, purpose, month, value_class, count FROM anonymous_counts ORDER BY category, purpose, month, value_class",
                [],
                r => new AnonymousCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)),
                cancellationToken),
            cancellationToken);

    // Every list for the subjects in [first, last], in one round trip within the caller's snapshot.
    private static async Task<List<RetentionSubject>> ReadRetentionRangeAsync(NpgsqlConnection connection, NpgsqlTransaction snapshot, string first, string last, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, snapshot)
        {
            BatchCommands =
            {
                BatchCommand("SELECT id, subject_id, category, purpose, collected_at, expires_at, key_kind FROM records WHERE subject_id >= $1 AND subject_id <= $2 AND erased_at IS NULL AND sealed IS NOT NULL ORDER BY subject_id, collected_at, id", first, last),
                BatchCommand("SELECT id, shredded_at FROM subjects WHERE id >= $1 AND id <= $2 AND shredded_at IS NOT NULL", first, last),
                BatchCommand("SELECT subject_id, kind, event, at FROM relationship_events WHERE subject_id >= $1 AND subject_id <= $2 ORDER BY subject_id, at, seq", first, last),
                BatchCommand("SELECT subject_id, key, given, at FROM consents WHERE subject_id >= $1 AND subject_id <= $2 AND kind = $3 ORDER BY subject_id, at, seq", first, last, (int)ConsentKind.Purpose),
                BatchCommand("SELECT id, subject_id, reason, from_at, until_at, lifted_at FROM legal_holds WHERE subject_id >= $1 AND subject_id <= $2 ORDER BY subject_id, from_at, seq", first, last),
                // For one person, the newest event comes off the (subject_id, at) index in one step; grouped over a range it would read them all.
                first == last
                    ? BatchCommand("SELECT subject_id, at FROM events WHERE subject_id = $1 ORDER BY at DESC LIMIT 1", first)
                    : BatchCommand("SELECT subject_id, MAX(at) FROM events WHERE subject_id >= $1 AND subject_id <= $2 GROUP BY subject_id", first, last),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        var records = new Dictionary<string, List<RetentionRecord>>(StringComparer.Ordinal);
        var order = new List<string>();
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if ((++rows & 0x3FFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var subjectId = reader.GetString(1);
            if (!records.TryGetValue(subjectId, out var list))
            {
                records[subjectId] = list = [];
                order.Add(subjectId);
            }

            list.Add(new RetentionRecord(reader.GetString(0), subjectId, reader.GetString(2), reader.GetString(3), Time(reader, 4), OptionalTime(reader, 5), (SealingKeyKind)reader.GetInt32(6)));
        }

        var shredded = (await NextResultAsync(reader, r => (Id: r.GetString(0), At: Time(r, 1)), cancellationToken)).ToDictionary(s => s.Id, s => s.At, StringComparer.Ordinal);
        var relationships = Group(await NextResultAsync(reader, r => new RelationshipEvent(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3)), cancellationToken), e => e.SubjectId);
        var consents = Group(await NextResultAsync(reader, r => (Subject: r.GetString(0), Consent: new RetentionConsent(r.GetString(1), r.GetBoolean(2), Time(r, 3))), cancellationToken), c => c.Subject);
        var holds = Group(await NextResultAsync(reader, r => new LegalHold(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3), OptionalTime(r, 4), OptionalTime(r, 5)), cancellationToken), h => h.SubjectId);
        var lastEvents = (await NextResultAsync(reader, r => (Id: r.GetString(0), At: Time(r, 1)), cancellationToken)).ToDictionary(e => e.Id, e => e.At, StringComparer.Ordinal);

        return order.ConvertAll(subjectId => new RetentionSubject
        {
            SubjectId = subjectId,
            ShreddedAt = shredded.TryGetValue(subjectId, out var s) ? s : null,
            Records = records[subjectId],
            Relationships = relationships.GetValueOrDefault(subjectId) ?? [],
            Consents = consents.TryGetValue(subjectId, out var c) ? c.ConvertAll(x => x.Consent) : [],
            LegalHolds = holds.GetValueOrDefault(subjectId) ?? [],
            LastEventAt = lastEvents.TryGetValue(subjectId, out var e) ? e : null,
        });
    }

    private static Dictionary<string, List<T>> Group<T>(List<T> rows, Func<T, string> key)
    {
        var groups = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var k = key(row);
            if (!groups.TryGetValue(k, out var list)) groups[k] = list = [];
            list.Add(row);
        }

        return groups;
    }
}
