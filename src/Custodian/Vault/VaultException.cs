namespace Custodian.Vault;

/// <summary>
/// A request the vault refuses before touching data: an unknown subject, purpose or category, a value that
/// may not be stored. <see cref="Code"/> is stable and documented; <see cref="Suggestions"/> names the nearest valid keys.
/// </summary>
public sealed class VaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VaultException(string code, string message, IReadOnlyList<string>? suggestions = null)
        : base(message)
    {
        Code = code;
        Suggestions = suggestions ?? [];
    }

    /// <summary>The stable error code (<c>unknown_purpose</c>).</summary>
    public string Code { get; }

    /// <summary>Valid names close to the one given, when the error is about a name.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>The field at fault as an RFC 6901 pointer into the API's body (<c>/method</c>, <c>/consents/0/evidence</c>), or null.</summary>
    public string? JsonPointer { get; init; }
}
