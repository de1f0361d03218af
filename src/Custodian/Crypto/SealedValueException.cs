namespace Custodian.Crypto;

/// <summary>
/// Thrown when a sealed value cannot be opened: it was tampered with, moved to another row
/// (its associated data no longer matches), sealed under another key, or is malformed.
/// Carries a stable <see cref="Code"/>; the message never contains the value or key material.
/// </summary>
public sealed class SealedValueException : Exception
{
    /// <summary>The envelope is too short or has an unknown version.</summary>
    public const string MalformedCode = "CRYPTO001";

    /// <summary>Authentication failed: wrong key, wrong row binding, or tampered bytes.</summary>
    public const string AuthenticationFailedCode = "CRYPTO002";

    /// <summary>The envelope names a key id other than the one offered to open it.</summary>
    public const string KeyMismatchCode = "CRYPTO003";

    /// <summary>Creates the exception with a stable code.</summary>
    public SealedValueException(string code, string message)
        : base($"{code}: {message}")
    {
        Code = code;
    }

    /// <summary>Creates the exception with a stable code and cause.</summary>
    public SealedValueException(string code, string message, Exception innerException)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    /// <summary>Creates the exception with the generic authentication-failed code.</summary>
    public SealedValueException()
        : this(AuthenticationFailedCode, "The sealed value could not be opened.")
    {
    }

    /// <summary>Creates the exception with the generic authentication-failed code.</summary>
    public SealedValueException(string message)
        : this(AuthenticationFailedCode, message)
    {
    }

    /// <summary>Creates the exception with the generic authentication-failed code.</summary>
    public SealedValueException(string message, Exception innerException)
        : this(AuthenticationFailedCode, message, innerException)
    {
    }

    /// <summary>A stable error id (<c>CRYPTO001</c>…) documented for operators.</summary>
    public string Code { get; } = AuthenticationFailedCode;
}
