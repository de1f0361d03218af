using System.Globalization;
using System.Text;

namespace Custodian.Notifications;

/// <summary>Writes a plain-text UTF-8 message as RFC 5322 text: encoded-word subject, base64 body, CRLF line ends.</summary>
public static class MimeMessageWriter
{
    /// <summary>The message as it goes on the wire or into an <c>.eml</c> file.</summary>
    public static string Write(string messageId, string from, RenderedMessage message, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)));
        var text = new StringBuilder();
        text.Append("From: ").Append(from).Append("\r\n");
        text.Append("To: ").Append(message.To).Append("\r\n");
        text.Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Subject))).Append("?=\r\n");
        text.Append("Date: ").Append(date.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n");
        text.Append("Message-ID: <").Append(messageId).Append("@custodian>\r\n");
        text.Append("MIME-Version: 1.0\r\n");
        text.Append("Content-Type: text/plain; charset=utf-8\r\n");
        text.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        for (var i = 0; i < body.Length; i += 76) text.Append(body, i, Math.Min(76, body.Length - i)).Append("\r\n");
        return text.ToString();
    }
}
