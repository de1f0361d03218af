namespace Custodian.Requests;

/// <summary>The stable codes of <see cref="RequestException"/>, documented in docs/decisions.md.</summary>
public static class RequestErrorCodes
{
    /// <summary>No request with that id.</summary>
    public const string UnknownRequest = "unknown_request";

    /// <summary>The submission lacks something (an email for the person's own request, a subject for a vouching service).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The request is closed (completed or denied) and cannot change.</summary>
    public const string RequestClosed = "request_closed";

    /// <summary>The person's identity is not verified yet.</summary>
    public const string NotVerified = "not_verified";

    /// <summary>The code is wrong.</summary>
    public const string CodeWrong = "code_wrong";

    /// <summary>The code's ten minutes are over.</summary>
    public const string CodeExpired = "code_expired";

    /// <summary>Five wrong codes were tried; the request must be submitted again.</summary>
    public const string TooManyAttempts = "too_many_attempts";

    /// <summary>The deadline was already extended once, or the extension is longer than the policy allows.</summary>
    public const string ExtensionRefused = "extension_refused";

    /// <summary>The right is not offered by the policy.</summary>
    public const string RightNotOffered = "right_not_offered";

    /// <summary>No person with the id given, or one merged into another (the message names the survivor).</summary>
    public const string UnknownSubject = "unknown_subject";

    /// <summary>The person was erased; only access, portability and erasure requests remain possible.</summary>
    public const string SubjectErased = "subject_erased";

    /// <summary>Another call changed the request while this one worked on it, or is completing it right now; read it again.</summary>
    public const string RequestBusy = "request_busy";

    /// <summary>The package of an access or portability request can be fetched only once the request is completed with data.</summary>
    public const string PackageNotReady = "package_not_ready";
}
