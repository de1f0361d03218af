namespace Custodian.Server.Problems;

/// <summary>
/// The stable error codes of the HTTP API, carried in every RFC 9457 problem body as <c>code</c>.
/// Each is explained in docs/api.md; a code never changes meaning once published.
/// </summary>
public static class ApiErrorCodes
{
    /// <summary>401: no API key, or one that is unknown or revoked.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>403: the key's scope does not allow this endpoint.</summary>
    public const string ScopeForbidden = "scope_forbidden";

    /// <summary>403: a service key named a purpose it is not bound to (audited).</summary>
    public const string PurposeNotAllowed = "purpose_not_allowed";

    /// <summary>400: the body is not valid JSON (the pointer names where it broke).</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>400: the JSON nests deeper than the limit.</summary>
    public const string JsonTooDeep = "json_too_deep";

    /// <summary>413: the body is larger than the limit.</summary>
    public const string BodyTooLarge = "body_too_large";

    /// <summary>415: the body is not <c>application/json</c> (or NDJSON where accepted).</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>400: a required field is missing (the pointer names it).</summary>
    public const string MissingField = "missing_field";

    /// <summary>400: a field has an invalid value (the pointer names it).</summary>
    public const string InvalidField = "invalid_field";

    /// <summary>404: no such resource (route).</summary>
    public const string NotFound = "not_found";

    /// <summary>405: the path exists but does not answer this method; the <c>Allow</c> header lists those it answers.</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>429: too many requests for this key; see Retry-After.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>503: the data store did not answer (unreachable, restarting, or locked by another process); see Retry-After.</summary>
    public const string StoreUnavailable = "store_unavailable";

    /// <summary>500: an unexpected error; the body holds a trace id for the logs, never details.</summary>
    public const string Internal = "internal_error";
}
