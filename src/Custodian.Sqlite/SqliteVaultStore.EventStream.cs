using System.Text;
using Custodian.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Custodian.Sqlite;

/// <summary>Streaming a person's events out of SQLite's own row buffers, for exports of millions of readings.</summary>
public sealed partial class SqliteVaultStore
{
    private const string EventStreamSql =
        "SELECT id, key_owner_id, category, at, device_id, sealed FROM events WHERE subject_id = ?1 AND (at, id) > (?2, ?3) ORDER BY at, id LIMIT ?4";

    /// <inheritdoc />
    /// <remarks>
    /// Steps a raw statement and hands out spans over SQLite's buffers: no row object, id string or value array is
    /// allocated per event, and repeated keys share one string per page.
    /// </remarks>
    public Task<int> VisitEventsAsync(string subjectId, EventCursor cursor, int limit, ISealedEventVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(visitor);
        return Read(cancellationToken, connection =>
        {
            var db = connection.Connection.Handle!;
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, EventStreamSql, out var statement), db);
            using (statement)
            {
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text(statement, 1, subjectId), db);
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, 2, cursor.EventId is null ? long.MinValue : cursor.At.UtcTicks), db);
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text(statement, 3, cursor.EventId ?? ""), db);
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int(statement, 4, limit), db);
                var owners = new Utf8StringTable();
                var categories = new Utf8StringTable();
                var devices = new Utf8StringTable();
                var visited = 0;
                var lastTicks = 0L;
                var lastId = new byte[64];
                var lastIdLength = 0;
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    if ((visited & 0x3FF) == 0) cancellationToken.ThrowIfCancellationRequested();
                    var id = raw.sqlite3_column_blob(statement, 0);
                    var ticks = raw.sqlite3_column_int64(statement, 3);
                    var row = new SealedEventRow
                    {
                        Utf8EventId = id,
                        KeyOwnerId = owners.Get(raw.sqlite3_column_blob(statement, 1)),
                        CategoryKey = categories.Get(raw.sqlite3_column_blob(statement, 2)),
                        At = new DateTimeOffset(ticks, TimeSpan.Zero),
                        DeviceId = raw.sqlite3_column_type(statement, 4) == raw.SQLITE_NULL ? null : devices.Get(raw.sqlite3_column_blob(statement, 4)),
                        Sealed = raw.sqlite3_column_blob(statement, 5),
                    };
                    if (!visitor.VisitEvent(row))
                    {
                        rc = raw.SQLITE_DONE;
                        break;
                    }

                    // A row's buffers die with the next step, so the cursor's id is copied out as we go.
                    if (id.Length > lastId.Length) lastId = new byte[id.Length];
                    id.CopyTo(lastId);
                    (lastTicks, lastIdLength) = (ticks, id.Length);
                    visited++;
                }

                if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
                if (visited > 0) (cursor.At, cursor.EventId) = (new DateTimeOffset(lastTicks, TimeSpan.Zero), Encoding.UTF8.GetString(lastId, 0, lastIdLength));
                return visited;
            }
        });
    }
}
