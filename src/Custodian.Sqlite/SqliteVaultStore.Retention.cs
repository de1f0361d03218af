using Custodian.Storage;
using Microsoft.Data.Sqlite;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Retention reads of <see cref="SqliteVaultStore"/>: pages of subjects with their live records and anchors, archives, statistics.</summary>
public sealed partial class SqliteVaultStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<RetentionSubject>> ReadRetentionPageAsync(string? afterSubjectId, int maxSubjects, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSubjects);
        return Read<IReadOnlyList<RetentionSubject>>(cancellationToken, connection =>
        {
            using var snapshot = connection.Connection.BeginTransaction(deferred: true);
            // The page's bounds come from the live-record index alone; the range read then touches only live rows.
            var ids = Query(
                connection,
                snapshot,
                "SELECT DISTINCT subject_id FROM records INDEXED BY ix_records_retention WHERE subject_id > $p0 AND erased_at IS NULL AND sealed IS NOT NULL ORDER BY subject_id LIMIT $p1",
                [afterSubjectId ?? "", maxSubjects],
                r => r.GetString(0));
            return ids.Count == 0 ? [] : ReadRetentionRange(connection, snapshot, ids[0], ids[^1], cancellationToken);
        });
    }

    /// <inheritdoc />
    public Task<RetentionSubject?> LoadRetentionSubjectAsync(string subjectId, CancellationToken cancellationToken) =>
        Read(cancellationToken, connection =>
        {
            using var snapshot = connection.Connection.BeginTransaction(deferred: true);
            if (QuerySubjects(connection, snapshot, "WHERE id = $id", subjectId).FirstOrDefault() is not { } subject) return null;
            var found = ReadRetentionRange(connection, snapshot, subjectId, subjectId, cancellationToken);
            return found.Count > 0 ? found[0] : new RetentionSubject { SubjectId = subjectId, ShreddedAt = subject.ShreddedAt };
        });

    /// <inheritdoc />
    public Task<RetentionSubject?> LoadRetentionAnchorsAsync(string subjectId, CancellationToken cancellationToken) =>
        Read(cancellationToken, connection =>
        {
            using var snapshot = connection.Connection.BeginTransaction(deferred: true);
            if (QuerySubjects(connection, snapshot, "WHERE id = $id", subjectId).FirstOrDefault() is null) return null;
            return ReadRetentionRange(connection, snapshot, subjectId, subjectId, cancellationToken, withRecords: false)[0];
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredArchive>> ReadArchivesAsync(string? subjectId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<StoredArchive>>(cancellationToken, connection =>
        {
            using var snapshot = connection.Connection.BeginTransaction(deferred: true);
            var items = Query(
                connection,
                snapshot,
                "SELECT archive_id, record_id, subject_id, category, purpose, rule, collected_at, sealed FROM archive_items WHERE $p0 IS NULL OR subject_id = $p0 ORDER BY archive_id, record_id",
                [subjectId],
                r => (Archive: r.GetString(0), Item: new ArchivedItem(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), Time(r, 6), r.GetFieldValue<byte[]>(7))));
            var byArchive = items.GroupBy(i => i.Archive, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(i => i.Item).ToList(), StringComparer.Ordinal);
            var archives = Query(connection, snapshot, "SELECT id, created_at, algorithm, key_fingerprint, wrapped_key FROM archives ORDER BY created_at, id", [], r =>
                new StoredArchive(r.GetString(0), Time(r, 1), r.GetString(2), r.GetFieldValue<byte[]>(3), r.GetFieldValue<byte[]>(4), []));
            return archives
                .Where(a => subjectId is null || byArchive.ContainsKey(a.ArchiveId))
                .Select(a => a with { Items = byArchive.GetValueOrDefault(a.ArchiveId) ?? [] })
                .ToList();
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<AnonymousCount>> ReadAnonymousCountsAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyList<AnonymousCount>>(cancellationToken, connection =>
            Query(connection, null, "SELECT category, purpose, month, value_class, count FROM anonymous_counts ORDER BY category, purpose, month, value_class", [], r =>
                new AnonymousCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4))));

    // Without records (one person's anchors only), the person is returned even when they hold no record.
    private static List<RetentionSubject> ReadRetentionRange(SqliteReaderConnection connection, SqliteTransaction snapshot, string first, string last, CancellationToken cancellationToken, bool withRecords = true)
    {
        object?[] range = [first, last];
        var records = new Dictionary<string, List<RetentionRecord>>(StringComparer.Ordinal);
        if (!withRecords) records[first] = [];
        else using (var command = Create(connection.Connection, snapshot, "SELECT id, subject_id, category, purpose, collected_at, expires_at, key_kind FROM records INDEXED BY ix_records_retention WHERE subject_id >= $p0 AND subject_id <= $p1 AND erased_at IS NULL AND sealed IS NOT NULL ORDER BY subject_id", range))
        using (var reader = command.ExecuteReader())
        {
            List<RetentionRecord>? current = null;
            string? currentId = null;
            var rows = 0;
            while (reader.Read())
            {
                if ((++rows & 0x3FFF) == 0) cancellationToken.ThrowIfCancellationRequested();
                var subjectId = reader.GetString(1);
                if (!string.Equals(subjectId, currentId, StringComparison.Ordinal))
                {
                    currentId = subjectId;
                    records[subjectId] = current = [];
                }

                current!.Add(new RetentionRecord(reader.GetString(0), subjectId, reader.GetString(2), reader.GetString(3), Time(reader, 4), OptionalTime(reader, 5), (SealingKeyKind)reader.GetInt32(6)));
            }
        }

        var shredded = Query(connection, snapshot, "SELECT id, shredded_at FROM subjects WHERE id >= $p0 AND id <= $p1 AND shredded_at IS NOT NULL", range, r => (Id: r.GetString(0), At: Time(r, 1)))
            .ToDictionary(s => s.Id, s => s.At, StringComparer.Ordinal);
        var relationships = Group(Query(connection, snapshot, "SELECT subject_id, kind, event, at FROM relationship_events WHERE subject_id >= $p0 AND subject_id <= $p1 ORDER BY subject_id, at, rowid", range, r =>
            new RelationshipEvent(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3))), e => e.SubjectId);
        var consents = Group(Query(connection, snapshot, "SELECT subject_id, key, given, at FROM consents WHERE subject_id >= $p0 AND subject_id <= $p1 AND kind = 1 ORDER BY subject_id, at, rowid", range, r =>
            (Subject: r.GetString(0), Consent: new RetentionConsent(r.GetString(1), r.GetBoolean(2), Time(r, 3)))), c => c.Subject);
        var holds = Group(Query(connection, snapshot, "SELECT id, subject_id, reason, from_at, until_at, lifted_at FROM legal_holds WHERE subject_id >= $p0 AND subject_id <= $p1 ORDER BY subject_id, from_at, rowid", range, r =>
            new LegalHold(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3), OptionalTime(r, 4), OptionalTime(r, 5))), h => h.SubjectId);
        // For one person, MAX over the (subject_id, at) index reads a single row; grouped over a range it would read them all.
        var lastEvents = Query(connection, snapshot, first == last
                ? "SELECT subject_id, at FROM events WHERE subject_id = $p0 ORDER BY at DESC LIMIT 1"
                : "SELECT subject_id, MAX(at) FROM events WHERE subject_id >= $p0 AND subject_id <= $p1 GROUP BY subject_id", first == last ? [first] : range, r => (Id: r.GetString(0), At: Time(r, 1)))
            .ToDictionary(e => e.Id, e => e.At, StringComparer.Ordinal);

        var subjects = new List<RetentionSubject>(records.Count);
        foreach (var (subjectId, list) in records)
        {
            subjects.Add(new RetentionSubject
            {
                SubjectId = subjectId,
                ShreddedAt = shredded.TryGetValue(subjectId, out var s) ? s : null,
                Records = list,
                Relationships = relationships.GetValueOrDefault(subjectId) ?? [],
                Consents = consents.TryGetValue(subjectId, out var c) ? c.Select(x => x.Consent).ToList() : [],
                LegalHolds = holds.GetValueOrDefault(subjectId) ?? [],
                LastEventAt = lastEvents.TryGetValue(subjectId, out var e) ? e : null,
            });
        }

        return subjects;
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
