using Custodian.Storage;
using Npgsql;

namespace Custodian.Postgres;

/// <summary>
/// Maps PostgreSQL constraint errors to the store's stable codes. The messages name no values:
/// the server's error detail (which can quote a key) stays out unless the connection string asks
/// for it, and this code never copies it.
/// </summary>
internal static class PostgresErrors
{
    public static bool IsConstraint(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation;

    public static VaultStoreException Translate(PostgresException ex, string duplicateCode) =>
        ex.SqlState == PostgresErrorCodes.ForeignKeyViolation
            ? new VaultStoreException(VaultStoreException.UnknownSubject, $"A referenced subject or record does not exist (constraint {ex.ConstraintName}).", ex)
            : new VaultStoreException(duplicateCode, $"The id or key is already in use (constraint {ex.ConstraintName}).", ex);
}
