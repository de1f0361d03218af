using Custodian.Notifications;

namespace Custodian.Server;

/// <summary>
/// The section <c>Custodian:Smtp</c>. Without a host, messages are written as <c>.eml</c> files under <c>DATA/outbox/</c> for
/// a relay or an operator to pick up. Give the user and password through the environment
/// (<c>Custodian__Smtp__User</c>, <c>Custodian__Smtp__Password</c>), never in a file or on a command line.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The relay's host name; empty means <c>.eml</c> files.</summary>
    public string? Host { get; set; }

    /// <summary>The relay's port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>The sender address; the policy's controller email by default.</summary>
    public string? From { get; set; }

    /// <summary>Upgrade with STARTTLS (required when a user is set).</summary>
    public bool Tls { get; set; } = true;

    /// <summary>The login user, from the environment.</summary>
    public string? User { get; set; }

    /// <summary>The login password, from the environment; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Seconds one message may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The transport these settings describe: SMTP to the host, or <c>.eml</c> files in <c>DATA/outbox/</c>.</summary>
    public IMessageTransport CreateTransport(string dataDirectory, TimeProvider clock) =>
        string.IsNullOrWhiteSpace(Host)
            ? new EmlFileTransport(Path.Combine(dataDirectory, "outbox"), clock)
            : new SmtpTransport(new SmtpSettings(Host, Port, Tls, string.IsNullOrEmpty(User) ? null : User, Password, TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds))), clock);

    /// <summary>
    /// The sender of every message to a person (codes, receipts, answers, breach notices), whoever sends it: the configured
    /// one, else the policy's rights contact (<c>rights.email</c>, where a reply about their rights belongs), else the
    /// controller's email, else <c>privacy@localhost</c>.
    /// </summary>
    public string SenderFor(Custodian.Policy.PolicyDocument? policy) =>
        FirstGiven(From, policy?.Rights.ContactEmail, policy?.Controller.Email) ?? "privacy@localhost";

    private static string? FirstGiven(params string?[] candidates) => candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    /// <summary>Where messages go, in words without secrets.</summary>
    public string Describe(string dataDirectory) =>
        string.IsNullOrWhiteSpace(Host) ? $".eml files in {Path.Combine(Path.GetFullPath(dataDirectory), "outbox")}" : $"SMTP {Host}:{Port} (STARTTLS {(Tls ? "on" : "off")}{(string.IsNullOrEmpty(User) ? "" : ", with login")})";
}
