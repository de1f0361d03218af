using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Custodian.Testing;

/// <summary>
/// Signs in to the privacy center over plain HTTP as a browser would: the address form, the code from the <c>.eml</c> file
/// the outbox writes, the code form. Each step may go to a different server; the clients share one cookie container.
/// Compiled into the server tests and, linked, into the PostgreSQL tests.
/// </summary>
internal static partial class PrivacyCenterSignIn
{
    /// <summary>Posts the address and returns the challenge id the redirect carries.</summary>
    public static async Task<string> StartAsync(HttpClient client, string email)
    {
        var token = await FormTokenAsync(client);
        using var response = await client.PostAsync(new Uri("/privacy/sign-in", UriKind.Relative), Form(("email", email), ("__csrf", token)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        const string Marker = "challenge=";
        Assert.StartsWith("/privacy/sign-in/code?" + Marker, location, StringComparison.Ordinal);
        return Uri.UnescapeDataString(location[(location.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..]);
    }

    /// <summary>Posts a code for a challenge (to <paramref name="codePage"/>, the address the sign-in redirected to, when given); the response is a redirect on success, else the code page.</summary>
    public static async Task<HttpResponseMessage> EnterCodeAsync(HttpClient client, string challengeId, string code, string? codePage = null)
    {
        var token = await FormTokenAsync(client);
        return await client.PostAsync(
            new Uri(codePage ?? "/privacy/sign-in/code?challenge=" + Uri.EscapeDataString(challengeId), UriKind.Relative),
            Form(("challenge", challengeId), ("code", code), ("__csrf", token)));
    }

    /// <summary>
    /// Waits for a sign-in message to <paramref name="to"/> in any of the directories and returns the six-digit code in its
    /// body (never in its subject). With <paramref name="seen"/>, messages already in it are skipped and those read are added, so a second
    /// sign-in of the same person does not find the first code.
    /// </summary>
    public static async Task<string> WaitForCodeAsync(IReadOnlyList<string> directories, string to, TimeSpan timeout, ISet<string>? seen = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in directories.Where(Directory.Exists).SelectMany(d => Directory.GetFiles(d, "*.eml")))
            {
                if (seen?.Add(file) == false) continue;
                var text = await File.ReadAllTextAsync(file);
                if (!text.Contains("To: " + to + "\r\n", StringComparison.Ordinal)) continue;
                var subject = Encoding.UTF8.GetString(Convert.FromBase64String(SubjectPattern().Match(text).Groups[1].Value));
                if (!subject.StartsWith("Your sign-in code", StringComparison.Ordinal) && !subject.StartsWith("Din kode til at logge ind", StringComparison.Ordinal)) continue;

                // The code is in the body only: a subject shows on lock screens and in notification previews.
                Assert.DoesNotMatch(CodePattern(), subject);
                var body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Split("\r\n"))));
                var code = CodePattern().Match(body).Value;
                if (code.Length > 0) return code;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No sign-in message to {to} arrived within {timeout.TotalSeconds} s.");
    }

    /// <summary>Every <c>.eml</c> file in <paramref name="directory"/> now, for <see cref="WaitForCodeAsync"/> to skip.</summary>
    public static HashSet<string> Snapshot(string directory) =>
        Directory.Exists(directory) ? [.. Directory.GetFiles(directory, "*.eml")] : [];

    /// <summary>Another six-digit code than <paramref name="code"/>.</summary>
    public static string WrongCode(string code) =>
        ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A form token (the address form always carries one; it is bound to the antiforgery cookie, not to a page).</summary>
    public static async Task<string> FormTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(new Uri("/privacy/sign-in?lang=en", UriKind.Relative));
        return TokenPattern().Match(page).Groups[1].Value;
    }

    internal static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"Subject: =\?utf-8\?B\?([A-Za-z0-9+/=]+)\?=")]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();
}
