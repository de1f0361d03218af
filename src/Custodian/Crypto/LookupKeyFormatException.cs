namespace Custodian.Crypto;

/// <summary>
/// Thrown when a lookup key cannot be normalised (for example a phone number with too few digits).
/// The message says what rule failed and never repeats the value.
/// </summary>
public sealed class LookupKeyFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public LookupKeyFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public LookupKeyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public LookupKeyFormatException()
        : base("The lookup key is not in a valid format.")
    {
    }
}
