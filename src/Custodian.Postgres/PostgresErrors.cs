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
    /// <summary>Raised by <c>require_live_subject</c> (migration 0012): the subject is unknown, merged or erased.</summary>
    public const string SubjectNotLiveSqlState = "CU001";

    /// <summary>Raised by <c>require_subject_version</c> (migration 0013): the subject's state version moved.</summary>
    public const string SubjectChangedSqlState = "CU002";

    public static bool IsConstraint(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation or SubjectNotLiveSqlState or SubjectChangedSqlState;

    public static VaultStoreException Translate(PostgresException ex, string duplicateCode) => ex.SqlState switch
    {
        PostgresErrorCodes.ForeignKeyViolation => new VaultStoreException(VaultStoreException.UnknownSubject, $"A referenced subject or record does not exist (constraint {ex.ConstraintName}).", ex),
        SubjectNotLiveSqlState => new VaultStoreException(VaultStoreException.SubjectNotLive, ex.MessageText, ex),
        SubjectChangedSqlState => new VaultStoreException(VaultStoreException.SubjectChanged, ex.MessageText, ex),
        _ => new VaultStoreException(duplicateCode, $"The id or key is already in use (constraint {ex.ConstraintName}).", ex),
    };
}
