namespace Custodian.Requests;

/// <summary>A request cannot move as asked; the code is stable (<see cref="RequestErrorCodes"/>) and the message says how to fix it.</summary>
public sealed class RequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RequestException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception naming the field at fault as a JSON pointer into the API's body (<c>/email</c>).</summary>
    public RequestException(string code, string message, string jsonPointer)
        : base(message)
    {
        Code = code;
        JsonPointer = jsonPointer;
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public RequestException()
        : this(RequestErrorCodes.InvalidRequest, "The request cannot be processed.")
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public RequestException(string message)
        : this(RequestErrorCodes.InvalidRequest, message)
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public RequestException(string message, Exception inner)
        : base(message, inner) => Code = RequestErrorCodes.InvalidRequest;

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The field at fault as an RFC 6901 pointer into the API's body (<c>/email</c>, <c>/reasonCode</c>), or null.</summary>
    public string? JsonPointer { get; }
}
