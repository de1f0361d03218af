using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Custodian.Server.Problems;

/// <summary>
/// Tells a store that is not answering — a PostgreSQL server that is down, restarting or out of connections, a SQLite
/// file another process keeps locked past the busy timeout — from a fault in Custodian. The first is answered with 503
/// and <c>Retry-After</c> and logged as a warning; only the second is a 500.
/// </summary>
internal static class StoreFailures
{
    // SQLITE_BUSY and SQLITE_LOCKED: another connection held the database past the busy timeout.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Whether <paramref name="error"/>, or an exception inside it, says the store could not be reached or was busy.</summary>
    public static bool IsUnavailable(Exception? error)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }
}
