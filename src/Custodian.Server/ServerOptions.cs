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

    /// <summary>
    /// A PostgreSQL connection string (<c>--postgres "Host=…"</c>, else <c>CUSTODIAN_POSTGRES</c>); when set the vault lives
    /// there instead of the SQLite file, and the data directory keeps only the key file and API keys.
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>The PostgreSQL schema holding the vault; servers sharing a vault use the same schema and master key.</summary>
    public string PostgresSchema { get; set; } = "custodian";

    /// <summary>Requests per second each API key may make (token bucket; bursts up to one second's worth).</summary>
    public int RateLimitPerSecond { get; set; } = 1000;

    /// <summary>
    /// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: addresses or networks,
    /// comma-separated (<c>10.0.0.5,10.1.0.0/16</c>); none when not set. See <see cref="Server.TrustedProxies"/>.
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>Requests per minute one client address may make to the public endpoints (privacy center sign-in, cookie banner).</summary>
    public int PublicRequestsPerMinute { get; set; } = 60;

    /// <summary>The calling code assumed for national phone numbers (<c>45</c>), if any.</summary>
    public string? DefaultCallingCode { get; set; }

    /// <summary>How often the background retention sweep runs; zero or negative switches it off.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The management public key archives are sealed to; defaults to <c>archive-public.pem</c> in the data directory.</summary>
    public string? ArchivePublicKey { get; set; }

    /// <summary>Seconds between outbox runs: each run sends every message that is due (verification codes, receipts, answers); a sign-in code is sent at once.</summary>
    public int OutboxIntervalSeconds { get; set; } = 10;

    /// <summary>Where messages go (section <c>Custodian:Smtp</c>); without a host they are written as <c>.eml</c> files under <c>DATA/outbox/</c>.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}
