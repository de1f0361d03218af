using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Ui.Banner;

/// <summary>
/// The cookie banner's visitor token: the pseudonymous subject id of a visitor, encrypted and authenticated by the server's
/// data protection keys. Only tokens this server minted are accepted, so the public endpoint can never be pointed at a
/// customer's subject id to change their consents.
/// </summary>
public sealed class VisitorTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("custodian.cookie-banner.visitor.v1");

    /// <summary>A token for a visitor's subject id.</summary>
    public string Issue(string subjectId) => _protector.Protect(subjectId);

    /// <summary>The subject id a token stands for, or null when it is not one of ours.</summary>
    public string? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512) return null;
        try
        {
            return _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
