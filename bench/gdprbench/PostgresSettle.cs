using Npgsql;

namespace Custodian.GdprBench;

/// <summary>
/// What both PostgreSQL systems do after their load and before their timed workloads: vacuum and analyse the tables
/// the load filled (as pgbench does), then a checkpoint, so neither autovacuum's first pass nor the checkpoint that a
/// load's write-ahead log brings on runs during the next workloads — which, on one cluster, may be the other system's.
/// After Custodian's workloads its schema is dropped before the baseline starts, for the same reason.
/// </summary>
internal static class PostgresSettle
{
    private const string InsufficientPrivilege = "42501";

    public static async Task AfterLoadAsync(NpgsqlDataSource source, string tables, CancellationToken cancellationToken)
    {
        await using (var vacuum = source.CreateCommand($"VACUUM (ANALYZE) {tables}"))
        {
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        await CheckpointAsync(source, cancellationToken);
    }

    /// <summary>
    /// After a system's last workload, before the next system starts on the same cluster: drops the finished system's
    /// schema, so autovacuum has nothing of it left to clean during the next system's workloads, and checkpoints.
    /// </summary>
    public static async Task AfterRunAsync(NpgsqlDataSource source, string schema, CancellationToken cancellationToken)
    {
        await using (var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await CheckpointAsync(source, cancellationToken);
    }

    private static async Task CheckpointAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        try
        {
            await using var checkpoint = source.CreateCommand("CHECKPOINT");
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == InsufficientPrivilege)
        {
            Console.WriteLine("    (no CHECKPOINT: the role lacks the privilege; a checkpoint may fall in the workloads)");
        }
    }
}
