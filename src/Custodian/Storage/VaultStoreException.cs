namespace Custodian.Storage;

/// <summary>
/// A store operation failed for a reason the caller can act on. <see cref="Code"/> is a stable id;
/// messages hold ids and keys only, never personal values.
/// </summary>
public sealed class VaultStoreException : Exception
{
    /// <summary>The subject does not exist.</summary>
    public const string UnknownSubject = "STORE001";

    /// <summary>An id is already in use (subject, record, event, consent…).</summary>
    public const string Duplicate = "STORE002";

    /// <summary>The record does not exist.</summary>
    public const string UnknownRecord = "STORE003";

    /// <summary>The subject was merged into another and cannot take new data.</summary>
    public const string SubjectMerged = "STORE004";

    /// <summary>The lookup key already points at another subject.</summary>
    public const string LookupTaken = "STORE005";

    /// <summary>A merge was asked of a subject with itself or an already merged one.</summary>
    public const string InvalidMerge = "STORE006";

    /// <summary>The schema is newer than this code understands.</summary>
    public const string SchemaTooNew = "STORE007";

    /// <summary>A write needed a live subject: the subject does not exist, was merged into another or was erased.</summary>
    public const string SubjectNotLive = "STORE008";

    /// <summary>A unit of work was decided on a state of the subject that has changed since (another writer moved its version).</summary>
    public const string SubjectChanged = "STORE009";

    /// <summary>Creates the exception with a stable code.</summary>
    public VaultStoreException(string code, string message)
        : base($"{code}: {message}")
    {
        Code = code;
    }

    /// <summary>Creates the exception with a stable code and cause.</summary>
    public VaultStoreException(string code, string message, Exception innerException)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public VaultStoreException()
        : this("STORE000", "The store operation failed.")
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public VaultStoreException(string message)
        : this("STORE000", message)
    {
    }

    /// <summary>Creates the exception with a generic code and cause.</summary>
    public VaultStoreException(string message, Exception innerException)
        : this("STORE000", message, innerException)
    {
    }

    /// <summary>The stable error id.</summary>
    public string Code { get; } = "STORE000";
}
