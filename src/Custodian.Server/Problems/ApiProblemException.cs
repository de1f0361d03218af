namespace Custodian.Server.Problems;

/// <summary>An error an endpoint reports as an RFC 9457 problem, with a stable code and, for body errors, a JSON pointer.</summary>
public sealed class ApiProblemException : Exception
{
    /// <summary>Creates the problem.</summary>
    public ApiProblemException(int status, string code, string detail, string? jsonPointer = null, IReadOnlyList<string>? suggestions = null)
        : base(detail)
    {
        Status = status;
        Code = code;
        JsonPointer = jsonPointer;
        Suggestions = suggestions ?? [];
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The stable error code.</summary>
    public string Code { get; }

    /// <summary>A JSON pointer (RFC 6901) to the offending field of the body, if any.</summary>
    public string? JsonPointer { get; }

    /// <summary>Valid names close to the one given.</summary>
    public IReadOnlyList<string> Suggestions { get; }
}
