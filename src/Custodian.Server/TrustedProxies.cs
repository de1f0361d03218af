using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Custodian.Server;

/// <summary>
/// <c>Custodian:TrustedProxies</c>: the reverse proxies (addresses, or networks as <c>10.0.0.0/8</c>, comma-separated) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the server believes. Behind a proxy that terminates TLS, that is
/// what makes the session cookies <c>Secure</c> and counts the public endpoints' limit per visitor instead of for the
/// proxy as a whole. Without the setting no forwarded header is believed, from anyone.
/// </summary>
public static class TrustedProxies
{
    /// <summary>Null when every entry of <paramref name="setting"/> is an address or a network, else what is wrong and the fix.</summary>
    public static string? Check(string? setting) => Parse(setting, out _);

    /// <summary>Sets <paramref name="options"/> to believe exactly the proxies in <paramref name="setting"/>, one hop.</summary>
    /// <exception cref="ArgumentException">An entry is neither an address nor a network.</exception>
    public static void Apply(string? setting, ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Parse(setting, out var entries) is { } error) throw new ArgumentException(error, nameof(setting));
        // Empty lists would make the middleware believe anyone, so with no proxy named it reads no header at all.
        options.ForwardedHeaders = entries.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            if (entry.Network is { } network) options.KnownIPNetworks.Add(network);
            else options.KnownProxies.Add(entry.Address!);
        }
    }

    private static string? Parse(string? setting, out List<(IPAddress? Address, System.Net.IPNetwork? Network)> entries)
    {
        entries = [];
        foreach (var raw in (setting ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(raw, out var network)) entries.Add((null, network));
            else if (!raw.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(raw, out var address)) entries.Add((address, null));
            else return $"Custodian:TrustedProxies: '{Quote(raw)}' is neither an IP address (10.0.0.5, ::1) nor a network (10.0.0.0/8); give the reverse proxies' addresses, comma-separated";
        }

        return null;
    }

    private static string Quote(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
