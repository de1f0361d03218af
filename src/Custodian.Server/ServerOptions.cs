namespace Custodian.Server;

/// <summary>How a server runs: the configuration section <c>Custodian</c> (command-line flags map onto it).</summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Custodian";

    /// <summary>The policy file to enforce.</summary>
    public string Policy { get; set; } = "";

    /// <summary>The data directory (SQLite file, key file, API keys, outbox).</summary>
    public string Data { get; set; } = "custodian-data";

    /// <summary>Requests per second each API key may make (token bucket; bursts up to one second's worth).</summary>
    public int RateLimitPerSecond { get; set; } = 1000;

    /// <summary>Requests per minute one client address may make to the public endpoints (privacy center sign-in, cookie banner).</summary>
    public int PublicRequestsPerMinute { get; set; } = 60;

    /// <summary>Where outgoing messages (sign-in codes, request receipts) are written as <c>.eml</c> files; <c>DATA/outbox</c> when not set.</summary>
    public string? Outbox { get; set; }

    /// <summary>How often the outbox is checked for messages due (a queued sign-in code is sent at once).</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The calling code assumed for national phone numbers (<c>45</c>), if any.</summary>
    public string? DefaultCallingCode { get; set; }
}
