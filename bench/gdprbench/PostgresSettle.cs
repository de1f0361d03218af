using Npgsql;

namespace Custodian.GdprBench;

/// <summary>
/// What both PostgreSQL systems do after their load and before their timed workloads: vacuum and analyse the tables
/// the load filled (as pgbench does), then a checkpoint, so neither autovacuum's first pass nor the checkpoint that a
/// load's write-ahead log brings on runs during the next workloads — which, on one cluster, may be the other system's.
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

        try
        {
            await using var checkpoint = source.CreateCommand("CHECKPOINT");
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == InsufficientPrivilege)
        {
            Console.WriteLine("    (no CHECKPOINT after the load: the role lacks the privilege; a checkpoint may fall in the workloads)");
        }
    }
}
