using System.Text.Json;
using System.Text.Json.Serialization;

namespace Custodian.Client;

/// <summary>The client's JSON settings: the server's camelCase names, nulls left out, unknown fields ignored so newer servers stay readable.</summary>
internal static class ClientJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
