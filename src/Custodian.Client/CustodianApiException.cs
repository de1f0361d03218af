using System.Net;

namespace Custodian.Client;

/// <summary>
/// A problem (RFC 9457) the server answered with, so callers can branch on the stable <see cref="Code"/> rather than
/// parse messages; <see cref="JsonPointer"/> names the offending body field.
/// </summary>
public sealed class CustodianApiException : Exception
{
    /// <summary>Creates the exception from a problem body's fields.</summary>
    public CustodianApiException(HttpStatusCode status, string code, string detail, string? jsonPointer = null, IReadOnlyList<string>? suggestions = null, string? retryAfter = null)
        : base($"{(int)status} {code}: {detail}")
    {
        Status = status;
        Code = code;
        Detail = detail;
        JsonPointer = jsonPointer;
        Suggestions = suggestions ?? [];
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The stable error code (see docs/api.md).</summary>
    public string Code { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Detail { get; }

    /// <summary>A JSON pointer to the offending field of the request body, if any.</summary>
    public string? JsonPointer { get; }

    /// <summary>Valid names close to the one given.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>The Retry-After header of a 429 or 503 answer, in seconds.</summary>
    public string? RetryAfter { get; }
}
