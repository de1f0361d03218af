namespace Custodian.Postgres.Tests;

/// <summary>
/// The database every test of this run uses: the server in <c>CUSTODIAN_POSTGRES</c>, or one
/// throwaway cluster started on first use and shared by all test classes (each works in its own schema).
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;
    private static ThrowawayCluster? _cluster;

    /// <summary>The connection string, starting the throwaway cluster on first call.</summary>
    public static async Task<string> GetConnectionStringAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is { } known)
        {
            return known;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_connectionString is null)
            {
                if (PostgresAvailability.ConnectionString is { } given)
                {
                    _connectionString = given;
                }
                else
                {
                    var bin = PostgresAvailability.BinDirectory ?? throw new InvalidOperationException(PostgresAvailability.SkipReason);
                    _cluster = await ThrowawayCluster.StartAsync(bin, cancellationToken);
                    _connectionString = _cluster.ConnectionString;
                }
            }

            return _connectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the throwaway cluster, if one was started; called once every test has finished.</summary>
    public static async Task ShutdownAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_cluster is { } cluster)
            {
                await cluster.StopAsync(wait: true);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh schema name, unique across concurrent runs on one server.</summary>
    public static string NewSchema(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..16];
}
