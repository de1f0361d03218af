namespace Custodian.Notifications;

/// <summary>Where and how <see cref="SmtpTransport"/> connects: the relay, STARTTLS, and optional credentials (sent only over TLS).</summary>
/// <param name="Host">The relay's host name.</param>
/// <param name="Port">Its port (587 for submission with STARTTLS, 25 for a local relay).</param>
/// <param name="StartTls">Upgrade the connection with STARTTLS before anything else is sent; the certificate must validate.</param>
/// <param name="User">The user for AUTH PLAIN, or null for none.</param>
/// <param name="Password">The password for AUTH PLAIN; never logged.</param>
/// <param name="Timeout">How long one message may take.</param>
public sealed record SmtpSettings(string Host, int Port, bool StartTls, string? User, string? Password, TimeSpan Timeout)
{
    /// <summary>Hides the password when the settings are printed.</summary>
    public override string ToString() => $"{Host}:{Port} (STARTTLS {(StartTls ? "on" : "off")}, {(User is null ? "no login" : "login as " + User)})";
}
