namespace Custodian.Crypto;

/// <summary>
/// Thrown when the master key cannot be loaded. The message says what is wrong with the
/// configuration and never contains key material.
/// </summary>
public sealed class MasterKeyException : Exception
{
    /// <summary>Creates the exception with a configuration error message.</summary>
    public MasterKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a configuration error message and its cause.</summary>
    public MasterKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public MasterKeyException()
        : base("The master key could not be loaded.")
    {
    }
}
