namespace Custodian.Server.Auth;

/// <summary>An API key as stored: never the secret itself, only its SHA-256 hash.</summary>
/// <param name="Id">The key id, shown in logs and audit entries (<c>key_…</c>).</param>
/// <param name="Name">A label for people.</param>
/// <param name="Scope">What the key may do.</param>
/// <param name="Purposes">For a service key: the purposes it may name.</param>
/// <param name="SecretHash">SHA-256 of the secret part, base64.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="Vouches">
/// For a service key: whether it may vouch for people it has signed in, filing their data-subject requests verified at
/// once (<c>custodian keys create --vouch</c>). Off by default: a service key without it only forwards a person's own
/// request, which the person confirms with the code mailed to them.
/// </param>
public sealed record ApiKey(string Id, string Name, ApiScope Scope, IReadOnlyList<string> Purposes, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null, bool Vouches = false)
{
    /// <summary>Whether the key may name <paramref name="purpose"/>.</summary>
    public bool MayUse(string purpose) => Scope == ApiScope.Admin || (Scope == ApiScope.Service && Purposes.Contains(purpose, StringComparer.Ordinal));
}
