using System.CommandLine;
using System.Globalization;
using Custodian.Server;
using Microsoft.Extensions.Configuration;

namespace Custodian.Cli.Commands;

/// <summary>
/// Where <c>serve</c> takes its settings from: a flag given on the command line wins, else the configuration section
/// <c>Custodian</c> (<c>appsettings.json</c> in the current directory, the environment as <c>Custodian__Key</c>, then
/// <c>--Custodian:Key=value</c> arguments, later sources winning, as the host reads them), else the default.
/// </summary>
internal static class ServeSettings
{
    /// <summary>
    /// The configuration <c>serve</c> reads, from the same sources in the same order as the web host, so what is
    /// checked before the start is what the server runs with.
    /// </summary>
    public static IConfiguration Read(IReadOnlyList<string> settings)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settings])
            .Build();
    }

    /// <summary>
    /// The arguments <c>serve</c> did not recognise as its own, checked to be configuration settings
    /// (<c>--Section:Key=value</c>); null with the message when one is not.
    /// </summary>
    public static IReadOnlyList<string>? Check(IReadOnlyList<string> unmatched, out string? error)
    {
        foreach (var token in unmatched)
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (!token.StartsWith("--", StringComparison.Ordinal) || equals < 0 || !token[..equals].Contains(':', StringComparison.Ordinal))
            {
                error = $"'{token}' is not an option of serve; see 'custodian serve --help', or give a setting as --{ServerOptions.Section}:Key=value (such as --{ServerOptions.Section}:RateLimitPerSecond=200)";
                return null;
            }
        }

        error = null;
        return unmatched;
    }

    /// <summary>The flag's value when it was given on the command line, else the setting <c>Custodian:<paramref name="key"/></c>, else the flag's default.</summary>
    public static string Text(ParseResult parse, Option<string> option, IConfiguration configuration, string key) =>
        Given(parse, option) || string.IsNullOrWhiteSpace(configuration[Key(key)]) ? parse.GetValue(option) ?? "" : configuration[Key(key)]!;

    /// <summary>
    /// As <see cref="Text"/> for a whole number; null with the message naming the setting when the setting is not one.
    /// </summary>
    public static int? Number(ParseResult parse, Option<int> option, IConfiguration configuration, string key, out string? error)
    {
        error = null;
        var configured = configuration[Key(key)];
        if (Given(parse, option) || string.IsNullOrWhiteSpace(configured)) return parse.GetValue(option);
        if (int.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        error = $"the setting {Key(key)} '{configured}' is not a whole number";
        return null;
    }

    /// <summary>How a message names where a value came from: the flag when it was given, else the setting.</summary>
    public static string Source(ParseResult parse, Option option, IConfiguration configuration, string key) =>
        Given(parse, option) || string.IsNullOrWhiteSpace(configuration[Key(key)]) ? option.Name : Key(key);

    /// <summary>True when <paramref name="option"/> was written on the command line (not filled in by its default).</summary>
    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>The full configuration key of a <see cref="ServerOptions"/> property.</summary>
    public static string Key(string property) => $"{ServerOptions.Section}:{property}";
}
