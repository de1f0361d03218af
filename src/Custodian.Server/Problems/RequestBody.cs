using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
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
        var body = await ReadBytesAsync(context, limit);
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
            throw Translate<T>(e, pointerPrefix, json.ToArray());
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
            throw Translate<T>(e, pointerPrefix, System.Text.Encoding.UTF8.GetBytes(json));
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

    /// <summary>
    /// Reads a whole body of at most <paramref name="limit"/> bytes, whatever its media type; a larger one is refused with
    /// <c>body_too_large</c> before more than the limit is read.
    /// </summary>
    public static async Task<byte[]> ReadBytesAsync(HttpContext context, long limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature) sizeFeature.MaxRequestBodySize = limit;
        if (request.ContentLength > limit) throw TooLarge(limit);
        try
        {
            return await ReadAllAsync(request.Body, limit, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }
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

    /// <summary>
    /// Converts a System.Text.Json path (<c>$.values[0].category</c>, <c>$['a.b']</c>) to an RFC 6901 JSON pointer
    /// (<c>/values/0/category</c>, <c>/a.b</c>): each name becomes one reference token with <c>~</c> as <c>~0</c> and
    /// <c>/</c> as <c>~1</c>.
    /// </summary>
    public static string ToPointer(string? path) => string.Concat(PathSegments(path).Select(s => "/" + EscapeToken(s)));

    /// <summary>One RFC 6901 reference token: <c>~</c> as <c>~0</c>, then <c>/</c> as <c>~1</c>.</summary>
    internal static string EscapeToken(string name) =>
        name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>
    /// The names and indexes of a System.Text.Json path: <c>.name</c>, <c>[0]</c>, and <c>['name']</c> for a name with a
    /// special character (System.Text.Json does not escape a quote inside the brackets, so a quoted name ends at the
    /// first <c>']</c> that ends the path or is followed by another step).
    /// </summary>
    internal static List<string> PathSegments(string? path)
    {
        var segments = new List<string>();
        if (string.IsNullOrEmpty(path)) return segments;
        var i = path[0] == '$' ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = QuotedEnd(path, i + 2);
                segments.Add(path[(i + 2)..end]);
                i = Math.Min(end + 2, path.Length);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0) end = path.Length;
                segments.Add(path[(i + 1)..end]);
                i = Math.Min(end + 1, path.Length);
            }
            else
            {
                var start = path[i] == '.' ? i + 1 : i;
                var end = path.IndexOfAny(['.', '['], start);
                if (end < 0) end = path.Length;
                segments.Add(path[start..end]);
                i = end;
            }
        }

        return segments;
    }

    private static int QuotedEnd(string path, int from)
    {
        for (var end = path.IndexOf("']", from, StringComparison.Ordinal); end >= 0; end = path.IndexOf("']", end + 1, StringComparison.Ordinal))
        {
            if (end + 2 == path.Length || path[end + 2] is '.' or '[') return end;
        }

        return path.Length;
    }

    /// <summary>The longest unknown field name a problem repeats.</summary>
    internal const int MaxEchoedName = 64;

    /// <summary>
    /// Whether an unknown field name may be repeated in a problem: at most <see cref="MaxEchoedName"/> characters, all
    /// printable (no control, format, private-use or unassigned characters, no broken surrogates). Anything else may be
    /// a value sent by mistake, or made to garble a log or a terminal, so the problem points at its object instead.
    /// </summary>
    internal static bool IsEchoable(string name)
    {
        if (name.Length is 0 or > MaxEchoedName) return false;
        var rest = name.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done) return false;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                return false;
            rest = rest[consumed..];
        }

        return true;
    }

    /// <summary>Whether a Content-Type names JSON: <c>application/json</c> or a <c>+json</c> type, with any parameters.</summary>
    internal static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || parsed.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    internal static ApiProblemException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.BodyTooLarge, $"The body is larger than {limit / 1024} KiB; send smaller batches.");

    private static ApiProblemException Translate<T>(JsonException e, string pointerPrefix, byte[] json)
    {
        var message = e.Message;
        var pointer = pointerPrefix + ToPointer(e.Path);
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.JsonTooDeep, $"The body nests deeper than {ServerJson.MaxDepth} levels.", pointer);

        var unmapped = UnmappedPattern().Match(message);
        if (unmapped.Success)
        {
            var name = unmapped.Groups[1].Value;
            var parent = pointerPrefix + ToPointer(ParentPath(e.Path, name));
            var known = KnownNames(typeof(T));
            if (!IsEchoable(name))
            {
                return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField,
                    $"An unknown field in the object at '{parent}' (its name is not repeated: longer than {MaxEchoedName} characters or not printable). Known fields: {string.Join(", ", known)}.", parent);
            }

            var suggestions = Suggestions.Nearest(name, known);
            var fix = suggestions.Count > 0 ? $" Did you mean '{suggestions[0]}'?" : $" Known fields: {string.Join(", ", known)}.";
            return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"Unknown field '{name}'.{fix}", $"{parent}/{EscapeToken(name)}", suggestions);
        }

        var missing = MissingPattern().Match(message);
        if (missing.Success)
        {
            var names = missing.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim('\'')).ToList();
            return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.MissingField, $"Missing required field(s): {string.Join(", ", names)}.", $"{pointer}/{names.FirstOrDefault()}");
        }

        if (e.InnerException is InvalidOperationException or FormatException || message.Contains("could not be converted", StringComparison.Ordinal))
        {
            if (pointer == pointerPrefix)
                return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidJson, "Send a JSON object ({…}), not an array, string or number.", pointer);
            return BadChoice(typeof(T), e.Path, json, pointer)
                ?? new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"The value at '{pointer}' has the wrong type or format.", pointer);
        }

        return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidJson, $"The body is not valid JSON near line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}.", pointer);
    }

    /// <summary>The path of the object holding <paramref name="name"/>: the path without its last step when that step is the name.</summary>
    private static string? ParentPath(string? path, string name)
    {
        if (path is null) return null;
        if (path.EndsWith("['" + name + "']", StringComparison.Ordinal)) return path[..^(name.Length + 4)];
        if (path.EndsWith("." + name, StringComparison.Ordinal)) return path[..^(name.Length + 1)];
        return path;
    }

    /// <summary>
    /// For a value that is not one of an enumeration's words (<c>"kind": "erasur"</c>): a problem naming the value, every
    /// allowed word and the nearest one; null when the field at <paramref name="path"/> is not an enumeration.
    /// </summary>
    private static ApiProblemException? BadChoice(Type root, string? path, byte[] json, string pointer)
    {
        var segments = PathSegments(path);
        if (segments.Count == 0) return null;
        var type = root;
        foreach (var segment in segments)
        {
            type = IsCollection(type) ? ElementType(type) : PropertyType(type, segment);
            if (type is null) return null;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!type.IsEnum) return null;
        var allowed = Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).ToList();
        var field = segments[^1];
        string given;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ServerJson.MaxDepth });
            var element = document.RootElement;
            foreach (var segment in segments)
            {
                element = element.ValueKind switch
                {
                    JsonValueKind.Array when int.TryParse(segment, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength() => element[index],
                    JsonValueKind.Object when TryGetProperty(element, segment, out var child) => child,
                    _ => default,
                };
            }

            given = element.ValueKind switch
            {
                JsonValueKind.String => $"'{Suggestions.Quote(element.GetString()!)}'",
                JsonValueKind.Undefined => "The value",
                _ => $"{element.ValueKind.ToString().ToLowerInvariant()} {Suggestions.Quote(element.GetRawText())}",
            };
            var nearest = element.ValueKind == JsonValueKind.String ? Suggestions.Nearest(element.GetString()!, allowed, count: 1) : [];
            var fix = nearest.Count > 0 ? $" Did you mean '{nearest[0]}'?" : "";
            return new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"{given} is not a valid '{field}'; use one of {string.Join(", ", allowed)}.{fix}", pointer, nearest);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            value = property.Value;
            return true;
        }

        value = default;
        return false;
    }

    private static Type? PropertyType(Type type, string name) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(JsonName(p), name, StringComparison.OrdinalIgnoreCase))
            ?.PropertyType;

    private static bool IsCollection(Type type) => type.IsArray || (type.IsGenericType && type != typeof(string) && Nullable.GetUnderlyingType(type) is null);

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[^1] : null;

    /// <summary>The name a property has in a JSON body: its <c>[JsonPropertyName]</c>, else its name in camel case.</summary>
    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static List<string> KnownNames(Type type)
    {
        var names = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            names.Add(JsonName(property));
            var element = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[^1] : property.PropertyType;
            if (element.IsClass && element != typeof(string) && element.Namespace?.StartsWith("Custodian", StringComparison.Ordinal) == true)
                names.AddRange(KnownNames(element));
        }

        return names.Distinct().ToList();
    }

    [GeneratedRegex(@"^The JSON property '(.*)' could not be mapped to any \.NET member contained in type '[^']*'\.", RegexOptions.Singleline)]
    private static partial Regex UnmappedPattern();

    [GeneratedRegex(@"missing required properties including: (.*)\.")]
    private static partial Regex MissingPattern();
}
