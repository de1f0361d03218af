using Microsoft.Data.Sqlite;

namespace Custodian.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file from its own connection a few times a second, so the
/// copy and its fsync are not paid inside whichever write happens to cross SQLite's automatic checkpoint threshold.
/// Passive checkpoints never block readers or the writer; the writer keeps a much larger automatic threshold
/// (<see cref="WriterBackstopPages"/>) in case this loop falls behind.
/// </summary>
internal sealed class SqliteWalCheckpointer : IAsyncDisposable
{
    /// <summary>Pages of log after which the writer checkpoints itself (about 64 MB), should the loop fall behind.</summary>
    public const int WriterBackstopPages = 16_384;

    private readonly SqliteConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SqliteWalCheckpointer(string connectionString, TimeSpan interval)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_autocheckpoint=0";
            command.ExecuteNonQuery();
        }

        _loop = RunAsync(interval, _stop.Token);
    }

    /// <summary>Stops the loop and closes its connection; the writer's own close checkpoints what is left.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _connection.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy or locked by another process's checkpoint: the next tick tries again.
            }
        }
    }
}
