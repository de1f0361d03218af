using System.Text.Json;
using Custodian.Vault;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Custodian.Server.Problems;

/// <summary>Writes RFC 9457 problem+json bodies: type, title, status, detail, instance, plus <c>code</c>, <c>pointer</c> and <c>suggestions</c>.</summary>
public static class ProblemResponses
{
    /// <summary>The base of problem <c>type</c> URIs; each code's page is in docs/api.md.</summary>
    public const string TypeBase = "https://custodian.dev/problems/";

    /// <summary>A problem result for an endpoint.</summary>
    public static ProblemHttpResult Problem(HttpContext context, int status, string code, string detail, string? jsonPointer = null, IReadOnlyList<string>? suggestions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var extensions = new Dictionary<string, object?> { ["code"] = code, ["traceId"] = context.TraceIdentifier };
        if (jsonPointer is not null) extensions["pointer"] = jsonPointer;
        if (suggestions is { Count: > 0 }) extensions["suggestions"] = suggestions;
        return TypedResults.Problem(detail, context.Request.Path, status, Title(status), TypeBase + code, extensions);
    }

    /// <summary>The status and pointer of a vault refusal (the field the refusal names itself, when it names one).</summary>
    public static (int Status, string Pointer) Classify(VaultException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (status, pointer) = error.Code switch
        {
            VaultErrorCodes.UnknownSubject or VaultErrorCodes.UnknownBreach or VaultErrorCodes.RecordMissing => (StatusCodes.Status404NotFound, ""),
            VaultErrorCodes.LookupTaken or VaultErrorCodes.AlreadyPublished or VaultErrorCodes.AlreadyNotified or VaultErrorCodes.RecordExpired => (StatusCodes.Status409Conflict, ""),
            VaultErrorCodes.NoticePeriodTooShort => (StatusCodes.Status422UnprocessableEntity, "/effective"),
            VaultErrorCodes.SubjectErased => (StatusCodes.Status410Gone, ""),
            VaultErrorCodes.UseDenied => (StatusCodes.Status403Forbidden, ""),
            VaultErrorCodes.TooManyAttempts => (StatusCodes.Status429TooManyRequests, ""),
            VaultErrorCodes.UnknownPurpose or VaultErrorCodes.UnknownCookieCategory => (StatusCodes.Status400BadRequest, "/purpose"),
            VaultErrorCodes.UnknownRecipient => (StatusCodes.Status400BadRequest, "/recipient"),
            VaultErrorCodes.UnknownPermission => (StatusCodes.Status400BadRequest, "/permission"),
            VaultErrorCodes.UnknownCategory => (StatusCodes.Status400BadRequest, "/category"),
            _ => (StatusCodes.Status400BadRequest, ""),
        };
        return (status, error.JsonPointer ?? pointer);
    }

    /// <summary>Writes a problem directly to the response (middleware and handlers outside endpoints).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string detail, string? jsonPointer = null, IReadOnlyList<string>? suggestions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var body = new Dictionary<string, object?>
        {
            ["type"] = TypeBase + code,
            ["title"] = Title(status),
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = context.Request.Path.Value,
            ["code"] = code,
            ["traceId"] = context.TraceIdentifier,
        };
        if (jsonPointer is not null) body["pointer"] = jsonPointer;
        if (suggestions is { Count: > 0 }) body["suggestions"] = suggestions;
        await JsonSerializer.SerializeAsync(context.Response.Body, body, ServerJson.Options, context.RequestAborted);
    }

    private static string Title(int status) => status switch
    {
        400 => "The request is not valid",
        401 => "An API key is required",
        403 => "Not allowed for this key",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        410 => "Gone",
        422 => "The request cannot be carried out",
        413 => "The body is too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        _ => "Something went wrong on our side",
    };
}
