namespace Custodian.Postgres.Tests;

/// <summary>A fact that starts (and crashes) a PostgreSQL cluster of its own: reported skipped, with the reason, without the binaries.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ThrowawayClusterFactAttribute : FactAttribute
{
    public ThrowawayClusterFactAttribute()
    {
        if (PostgresAvailability.ClusterSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
