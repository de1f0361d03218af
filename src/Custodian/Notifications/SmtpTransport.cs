using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Custodian.Notifications;

/// <summary>
/// A minimal SMTP client (RFC 5321: EHLO, MAIL, RCPT, DATA, QUIT) over a TCP connection to a configured relay, one
/// connection per message. Failures become <see cref="MessageDeliveryException"/> with the reply code, never the address.
/// </summary>
public sealed class SmtpTransport(string host, int port, TimeSpan timeout, TimeProvider clock) : IMessageTransport
{
    /// <inheritdoc />
    public async Task SendAsync(string messageId, string from, RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var ct = timeoutSource.Token;
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, ct);
        }
        catch (SocketException e)
        {
            throw new MessageDeliveryException("connection_refused", $"Cannot connect to the SMTP server {host}:{port} ({e.SocketErrorCode}).", e);
        }

        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = false };
        await ExpectAsync(reader, 220, "greeting", ct);
        await CommandAsync(writer, reader, "EHLO custodian", 250, "EHLO", ct);
        await CommandAsync(writer, reader, $"MAIL FROM:<{from}>", 250, "MAIL FROM", ct);
        await CommandAsync(writer, reader, $"RCPT TO:<{message.To}>", 250, "RCPT TO", ct);
        await CommandAsync(writer, reader, "DATA", 354, "DATA", ct);
        var content = MimeMessageWriter.Write(messageId, from, message, clock.GetUtcNow());
        foreach (var line in content.Split("\r\n"))
        {
            // Dot-stuffing (RFC 5321 4.5.2): a line starting with '.' gets another.
            await writer.WriteAsync((line.StartsWith('.') ? "." + line : line) + "\r\n");
        }

        await CommandAsync(writer, reader, ".", 250, "end of data", ct);
        await writer.WriteAsync("QUIT\r\n");
        await writer.FlushAsync(ct);
    }

    private static async Task CommandAsync(StreamWriter writer, StreamReader reader, string command, int expected, string step, CancellationToken ct)
    {
        await writer.WriteAsync(command + "\r\n");
        await writer.FlushAsync(ct);
        await ExpectAsync(reader, expected, step, ct);
    }

    private static async Task ExpectAsync(StreamReader reader, int expected, string step, CancellationToken ct)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync(ct) ?? throw new MessageDeliveryException("smtp_closed", $"The SMTP server closed the connection at {step}.");
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                throw new MessageDeliveryException("smtp_protocol", $"The SMTP server sent an unreadable reply at {step}.");
            if (line.Length > 3 && line[3] == '-') continue;
            if (code != expected) throw new MessageDeliveryException("smtp_" + code.ToString(CultureInfo.InvariantCulture), $"The SMTP server answered {code} at {step}; expected {expected}.");
            return;
        }
    }
}
