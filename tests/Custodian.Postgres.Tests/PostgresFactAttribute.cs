namespace Custodian.Postgres.Tests;

/// <summary>A fact that needs PostgreSQL: reported skipped, with the reason, when it is not available.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
