using System.Text.RegularExpressions;

namespace Custodian.Server.Problems;

/// <summary>
/// Turns the framework's message for a route or query parameter that does not bind (<c>Failed to bind parameter "int
/// limit" from "abc"</c>) into an API detail that names the parameter and the expected form, without .NET type names and
/// without echoing the value sent.
/// </summary>
internal static partial class BindingProblem
{
    public static (string Detail, string? Parameter) Describe(string message)
    {
        var match = ParameterPattern().Match(message);
        if (!match.Success) return ("A route or query parameter has the wrong format; see /openapi/v1.json for the types.", null);

        var name = match.Groups["name"].Value;
        var at = "/" + name;
        if (message.StartsWith("Required parameter", StringComparison.Ordinal)) return ($"'{name}' is required.", at);
        var type = match.Groups["type"].Value.TrimEnd('?');
        if (type.StartsWith("Nullable<", StringComparison.Ordinal)) type = type["Nullable<".Length..^1];
        return ($"'{name}' must be {Expected(type)}.", at);
    }

    private static string Expected(string type) => type switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "a whole number",
        "double" or "decimal" or "float" or "Double" => "a number",
        "bool" or "Boolean" => "true or false",
        "DateTimeOffset" or "DateTime" => "an ISO 8601 date and time (2026-11-30T14:00:00Z)",
        "DateOnly" => "a date (YYYY-MM-DD)",
        "Guid" => "a UUID",
        _ => "one of the values documented in /openapi/v1.json",
    };

    [GeneratedRegex("parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\"", RegexOptions.ExplicitCapture, 100)]
    private static partial Regex ParameterPattern();
}
