using Microsoft.AspNetCore.Http;

namespace Custodian.Server.Problems;

/// <summary>
/// What a 415 says, the same whether an endpoint refuses the body itself or routing refuses it before the endpoint runs
/// (for a Content-Type that is not among those the endpoint declares).
/// </summary>
internal static class UnsupportedMedia
{
    /// <summary>For the endpoints that take JSON (all but two).</summary>
    public const string Json = "Send the body as JSON with 'Content-Type: application/json'.";

    /// <summary>For the NDJSON reading ingest.</summary>
    public const string Ndjson = "Send readings as NDJSON with 'Content-Type: application/x-ndjson', one JSON object per line.";

    /// <summary>For publishing a policy version.</summary>
    public const string Yaml = "Send the policy file as 'Content-Type: application/yaml'.";

    /// <summary>The message for a request to <paramref name="path"/> refused before its endpoint ran.</summary>
    public static string For(PathString path)
    {
        var value = path.Value ?? "";
        if (value.EndsWith("/events/ndjson", StringComparison.Ordinal)) return Ndjson;
        return value.EndsWith("/policy/versions", StringComparison.Ordinal) ? Yaml : Json;
    }
}
