using System.Text;
using System.Text.RegularExpressions;

namespace Custodian.Browser.Tests;

/// <summary>Reads the messages the server's outbox wrote as .eml files: the person's sign-in code arrives here.</summary>
public static partial class Mailbox
{
    /// <summary>
    /// Waits for a new message to <paramref name="to"/> (one not in <paramref name="seen"/>) whose subject
    /// <paramref name="subject"/> accepts, and returns its decoded subject and body; other messages to the same person (a
    /// request receipt the outbox delivers late on a busy machine) are passed over.
    /// </summary>
    public static async Task<(string Subject, string Body)> WaitForAsync(string directory, string to, ISet<string> seen, TimeSpan timeout, Func<string, bool>? subject = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.GetFiles(directory, "*.eml").Where(f => !seen.Contains(f)))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (!text.Contains("To: " + to + "\r\n", StringComparison.Ordinal)) continue;
                    seen.Add(file);
                    var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(SubjectPattern().Match(text).Groups[1].Value));
                    if (subject is not null && !subject(decoded)) continue;
                    var body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Split("\r\n"))));
                    return (decoded, body);
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No message to {to} arrived in {directory} within {timeout.TotalSeconds} s.");
    }

    /// <summary>Waits for a new sign-in message to <paramref name="to"/> and returns its code.</summary>
    public static async Task<string> WaitForCodeAsync(string directory, string to, ISet<string> seen, TimeSpan timeout) =>
        CodeOf(await WaitForAsync(directory, to, seen, timeout, IsSignIn));

    /// <summary>Whether a subject is a sign-in message's (English or Danish); the code itself is only in the body.</summary>
    public static bool IsSignIn(string subject) =>
        subject.StartsWith("Your sign-in code", StringComparison.Ordinal) || subject.StartsWith("Din kode til at logge ind", StringComparison.Ordinal);

    /// <summary>The six-digit code of a sign-in message, from its body.</summary>
    public static string CodeOf((string Subject, string Body) message) => CodePattern().Match(message.Body).Value;

    /// <summary>Every .eml file there now, so later waits see only new ones.</summary>
    public static HashSet<string> Snapshot(string directory) =>
        Directory.Exists(directory) ? [.. Directory.GetFiles(directory, "*.eml")] : [];

    [GeneratedRegex(@"Subject: =\?utf-8\?B\?([A-Za-z0-9+/=]+)\?=")]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();
}
