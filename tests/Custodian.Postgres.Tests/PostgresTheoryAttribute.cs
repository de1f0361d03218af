namespace Custodian.Postgres.Tests;

/// <summary>A theory that needs PostgreSQL: reported skipped, with the reason, when it is not available.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
