using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Custodian.Server;

/// <summary>The API's JSON settings: camelCase, enums as strings, a depth limit so hostile bodies cannot exhaust the stack.</summary>
public static class ServerJson
{
    /// <summary>The deepest a request body may nest.</summary>
    public const int MaxDepth = 32;

    /// <summary>Options for request and response bodies.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the API's settings to an options object (used for ASP.NET Core's own serializer too).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.MaxDepth = MaxDepth;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}
