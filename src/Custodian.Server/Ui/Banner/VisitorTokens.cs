using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Ui.Banner;

/// <summary>
/// The cookie banner's visitor token: the pseudonymous subject id of a visitor and the time it was issued, encrypted and
/// authenticated by the server's data protection keys. Only tokens this server minted are accepted, so the public endpoint
/// can never be pointed at a customer's subject id to change their consents. A token is a bearer credential for that
/// visitor's choices, so it lives as long as the banner's cookie (<see cref="Lifetime"/>) and no longer: every answer
/// issues a fresh one, so a returning visitor keeps their id, and one gone longer starts again as a new visitor.
/// </summary>
public sealed class VisitorTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    /// <summary>How long a token is accepted after it was issued: the life of the banner's <c>custodian_consent</c> cookie.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly IDataProtector _protector = provider.CreateProtector("custodian.cookie-banner.visitor.v2");

    /// <summary>A token for a visitor's subject id, issued now.</summary>
    public string Issue(string subjectId) =>
        _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture) + " " + subjectId);

    /// <summary>The subject id a token stands for, or null when it is not one of ours or has outlived <see cref="Lifetime"/>.</summary>
    public string? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512) return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !long.TryParse(payload.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return null;
        var age = clock.GetUtcNow().UtcTicks - ticks;
        return age >= 0 && age <= Lifetime.Ticks ? payload[(space + 1)..] : null;
    }
}
