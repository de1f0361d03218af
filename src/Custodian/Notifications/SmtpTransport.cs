using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Custodian.Notifications;

/// <summary>
/// A minimal SMTP client (RFC 5321: EHLO, optional STARTTLS (RFC 3207) and AUTH PLAIN (RFC 4954), MAIL, RCPT, DATA, QUIT)
/// over a TCP connection to a configured relay, one connection per message. Credentials are never sent without TLS.
/// Failures become <see cref="MessageDeliveryException"/> with the reply code, never the address.
/// </summary>
public sealed class SmtpTransport : IMessageTransport
{
    private readonly SmtpSettings _settings;
    private readonly TimeProvider _clock;

    /// <summary>Creates a transport for a relay without TLS or login (a local relay, a test server).</summary>
    public SmtpTransport(string host, int port, TimeSpan timeout, TimeProvider clock)
        : this(new SmtpSettings(host, port, false, null, null, timeout), clock)
    {
    }

    /// <summary>Creates a transport with full settings.</summary>
    public SmtpTransport(SmtpSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.User is not null && !settings.StartTls)
        {
            // Without a parameter name: the message is shown to operators as it is ("Outbox not started: …").
            throw new ArgumentException("SMTP credentials are sent only over TLS: turn STARTTLS on (Custodian:Smtp:Tls=true) or remove the user.");
        }

        _settings = settings;
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task SendAsync(string messageId, string from, RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(_settings.Timeout);
        var ct = timeoutSource.Token;
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(_settings.Host, _settings.Port, ct);
        }
        catch (SocketException e)
        {
            var (code, what) = ConnectFailure(e.SocketErrorCode);
            throw new MessageDeliveryException(code, $"Cannot connect to the SMTP server {_settings.Host}:{_settings.Port}: {what} ({e.SocketErrorCode}).", e);
        }

        Stream stream = client.GetStream();
        var session = new Session(stream);
        try
        {
            await session.ExpectAsync(220, "greeting", ct);
            await session.CommandAsync("EHLO custodian", 250, "EHLO", ct);
            if (_settings.StartTls)
            {
                await session.CommandAsync("STARTTLS", 220, "STARTTLS", ct);
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                try
                {
                    await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _settings.Host }, ct);
                }
                catch (System.Security.Authentication.AuthenticationException e)
                {
                    await tls.DisposeAsync();
                    throw new MessageDeliveryException("smtp_tls", $"TLS with the SMTP server {_settings.Host} failed: its certificate did not validate.", e);
                }

                stream = tls;
                await session.DisposeAsync();
                session = new Session(tls);
                await session.CommandAsync("EHLO custodian", 250, "EHLO after STARTTLS", ct);
            }

            if (_settings.User is not null)
            {
                var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + _settings.User + "\0" + (_settings.Password ?? "")));
                await session.CommandAsync("AUTH PLAIN " + plain, 235, "AUTH", ct);
            }

            await session.CommandAsync($"MAIL FROM:<{from}>", 250, "MAIL FROM", ct);
            await session.CommandAsync($"RCPT TO:<{message.To}>", 250, "RCPT TO", ct);
            await session.CommandAsync("DATA", 354, "DATA", ct);
            var content = MimeMessageWriter.Write(messageId, from, message, _clock.GetUtcNow());
            foreach (var line in content.Split("\r\n"))
            {
                // Dot-stuffing (RFC 5321 4.5.2): a line starting with '.' gets another.
                await session.WriteAsync((line.StartsWith('.') ? "." + line : line) + "\r\n");
            }

            await session.CommandAsync(".", 250, "end of data", ct);
            await session.WriteAsync("QUIT\r\n");
            await session.FlushAsync(ct);
        }
        catch (IOException e)
        {
            throw new MessageDeliveryException("smtp_io", $"The connection to the SMTP server {_settings.Host} broke: {e.Message}", e);
        }
        finally
        {
            await session.DisposeAsync();
            await stream.DisposeAsync();
        }
    }

    /// <summary>
    /// The non-personal code and a few words for a failed connect, by what went wrong: a name that does not resolve is
    /// not a refusal, and the operator's fix differs (the host setting, the DNS, the firewall, the relay).
    /// </summary>
    internal static (string Code, string What) ConnectFailure(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => ("connection_refused", "nothing accepts connections on that port"),
        SocketError.HostNotFound or SocketError.NoData => ("host_not_found", "the host name does not resolve; check the SMTP host setting"),
        SocketError.TryAgain => ("host_lookup_failed", "the host name could not be looked up now (DNS); it is tried again later"),
        SocketError.TimedOut => ("connection_timed_out", "the server did not answer the connection in time"),
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => ("host_unreachable", "there is no network route to the host"),
        _ => ("connection_failed", "the connection failed"),
    };

    private sealed class Session(Stream stream) : IAsyncDisposable
    {
        private readonly StreamReader _reader = new(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        private readonly StreamWriter _writer = new(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = false };

        public Task WriteAsync(string text) => _writer.WriteAsync(text);

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _writer.DisposeAsync();
            }
            catch (IOException)
            {
                // The connection is already gone; nothing left to flush.
            }

            _reader.Dispose();
        }

        public Task FlushAsync(CancellationToken ct) => _writer.FlushAsync(ct);

        public async Task CommandAsync(string command, int expected, string step, CancellationToken ct)
        {
            await _writer.WriteAsync(command + "\r\n");
            await _writer.FlushAsync(ct);
            await ExpectAsync(expected, step, ct);
        }

        public async Task ExpectAsync(int expected, string step, CancellationToken ct)
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(ct) ?? throw new MessageDeliveryException("smtp_closed", $"The SMTP server closed the connection at {step}.");
                if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                    throw new MessageDeliveryException("smtp_protocol", $"The SMTP server sent an unreadable reply at {step}.");
                if (line.Length > 3 && line[3] == '-') continue;
                if (code != expected) throw new MessageDeliveryException("smtp_" + code.ToString(CultureInfo.InvariantCulture), $"The SMTP server answered {code} at {step}; expected {expected}.");
                return;
            }
        }
    }
}
