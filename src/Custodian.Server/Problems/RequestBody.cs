using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Custodian.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Custodian.Server.Problems;

/// <summary>
/// Reads JSON request bodies with the API's limits, turning every failure into a problem with a stable code and a
/// JSON pointer to the offending field: unknown fields name the nearest known one, missing required fields are named.
/// </summary>
public static partial class RequestBody
{
    /// <summary>The largest body most endpoints accept (event batches have their own, larger limit).</summary>
    public const long DefaultLimit = 1L << 20;

    /// <summary>Reads and validates a body.</summary>
    public static async Task<T> ReadAsync<T>(HttpContext context, long limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!IsJson(request.ContentType))
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType, UnsupportedMedia.Json);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature) sizeFeature.MaxRequestBodySize = limit;
        if (request.ContentLength > limit) throw TooLarge(limit);

        byte[] body;
        try
        {
            body = await ReadAllAsync(request.Body, limit, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }

        if (body.Length == 0) throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidJson, "The body is empty; send a JSON object.", "");

        // Depth first: the binder would otherwise report the first type mismatch inside a hostile nesting instead.
        JsonDepth.Check(body, ServerJson.MaxDepth);
        return Parse<T>(body, "");
    }

    /// <summary>
    /// Deserializes one JSON value as the API does: every failure is a problem with a stable code and a JSON pointer
    /// (below <paramref name="pointerPrefix"/>), a <c>null</c> where the contract needs a value included.
    /// </summary>
    public static T Parse<T>(ReadOnlySpan<byte> json, string pointerPrefix)
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(json, ServerJson.Options);
        }
        catch (JsonException e)
        {
            throw Translate<T>(e, pointerPrefix);
        }

        return Required(value, pointerPrefix);
    }

    /// <summary>As <see cref="Parse{T}(ReadOnlySpan{byte}, string)"/>, for JSON already read as text (a line of NDJSON).</summary>
    public static T Parse<T>(string json, string pointerPrefix)
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(json, ServerJson.Options);
        }
        catch (JsonException e)
        {
            throw Translate<T>(e, pointerPrefix);
        }

        return Required(value, pointerPrefix);
    }

    private static T Required<T>(T? value, string pointerPrefix)
    {
        if (value is null) throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidJson, "The value is null; send a JSON object.", pointerPrefix);
        if (NullFields.FirstNull(value) is { } at)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.MissingField, $"'{at}' is null; give it a value (an optional field may be left out).", pointerPrefix + at);
        }

        return value;
    }

    private static async Task<byte[]> ReadAllAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) throw TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Converts a System.Text.Json path (<c>$.values[0].category</c>) to a JSON pointer (<c>/values/0/category</c>).</summary>
    public static string ToPointer(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "";
        var pointer = path.StartsWith('$') ? path[1..] : path;
        pointer = IndexPattern().Replace(pointer, "/$1");
        pointer = QuotedPattern().Replace(pointer, m => "/" + m.Groups[1].Value.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        return pointer.Replace('.', '/');
    }

    /// <summary>Whether a Content-Type names JSON: <c>application/json</c> or a <c>+json</c> type, with any parameters.</summary>
    internal static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || parsed.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    internal static ApiProblemException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.BodyTooLarge, $"The body is larger than {limit / 1024} KiB; send smaller batches.");

    private static ApiProblemException Translate<T>(JsonException e, string pointerPrefix)
    {
        var message = e.Message;
        var pointer = pointerPrefix + ToPointer(e.Path);
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.JsonTooDeep, $"The body nests deeper than {ServerJson.MaxDepth} levels.", pointer);

        var unmapped = UnmappedPattern().Match(message);
        if (unmapped.Success)
        {
            var name = unmapped.Groups[1].Value;
            var known = KnownNames(typeof(T));
            var suggestions = Suggestions.Nearest(name, known);
            var fix = suggestions.Count > 0 ? $" Did you mean '{suggestions[0]}'?" : $" Known fields: {string.Join(", ", known)}.";
            var at = pointer.EndsWith("/" + name, StringComparison.Ordinal) ? pointer : $"{pointer}/{name}";
            return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"Unknown field '{name}'.{fix}", at, suggestions);
        }

        var missing = MissingPattern().Match(message);
        if (missing.Success)
        {
            var names = missing.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim('\'')).ToList();
            return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.MissingField, $"Missing required field(s): {string.Join(", ", names)}.", $"{pointer}/{names.FirstOrDefault()}");
        }

        if (e.InnerException is InvalidOperationException or FormatException || message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return pointer == pointerPrefix
                ? new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidJson, "Send a JSON object ({…}), not an array, string or number.", pointer)
                : new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"The value at '{pointer}' has the wrong type or format.", pointer);
        }

        return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidJson, $"The body is not valid JSON near line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}.", pointer);
    }

    private static List<string> KnownNames(Type type)
    {
        var names = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            names.Add(name);
            var element = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[^1] : property.PropertyType;
            if (element.IsClass && element != typeof(string) && element.Namespace?.StartsWith("Custodian", StringComparison.Ordinal) == true)
                names.AddRange(KnownNames(element));
        }

        return names.Distinct().ToList();
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex IndexPattern();

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedPattern();

    [GeneratedRegex(@"missing required properties including: (.*)\.")]
    private static partial Regex MissingPattern();
}
