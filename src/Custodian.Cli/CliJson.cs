using System.Text.Encodings.Web;
using System.Text.Json;

namespace Custodian.Cli;

/// <summary>JSON output settings shared by every command: camelCase, indented, readable non-ASCII.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
