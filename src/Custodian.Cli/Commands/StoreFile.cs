using Custodian.Sqlite;
using Microsoft.Data.Sqlite;

namespace Custodian.Cli.Commands;

/// <summary>
/// Checks on a data directory's <c>custodian.db</c> made before a command opens it, so a file that is no store is named
/// in one line instead of failing deep inside SQLite (and nothing is written next to it).
/// </summary>
internal static class StoreFile
{
    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    /// <summary>The store file's path in <paramref name="dataDirectory"/>.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, SqliteVaultStoreOptions.DatabaseFileName);

    /// <summary>
    /// Null when <c>custodian.db</c> in <paramref name="dataDirectory"/> is missing or a SQLite database, else the message
    /// saying it is not a store and how to fix it.
    /// </summary>
    public static string? Problem(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path)) return null;
        Span<byte> header = stackalloc byte[16];
        int read;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read the store {path}: {e.Message.TrimEnd('.')}; check its permissions, or pass the folder given to 'custodian serve --data'";
        }

        // A store just created in WAL mode may be empty with its pages still in the -wal file beside it.
        if (read == 0 && File.Exists(path + "-wal")) return null;
        return read == header.Length && header.SequenceEqual(SqliteHeader)
            ? null
            : NotAStore(path);
    }

    /// <summary>The message for a <c>custodian.db</c> SQLite cannot read (corrupt, or not a database after all).</summary>
    public static string Unreadable(string dataDirectory, SqliteException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.SqliteErrorCode == 26
            ? NotAStore(PathIn(dataDirectory))
            : $"cannot read the store {PathIn(dataDirectory)}: {e.Message.TrimEnd('.')}; restore {SqliteVaultStoreOptions.DatabaseFileName} from a backup";
    }

    private static string NotAStore(string path) =>
        $"{path} is not a Custodian store (not a SQLite database); pass the folder given to 'custodian serve --data', or restore {SqliteVaultStoreOptions.DatabaseFileName} from a backup";
}
