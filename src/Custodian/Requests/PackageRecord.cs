using Custodian.Storage;

namespace Custodian.Requests;

/// <summary>One record as a rights answer shows it: its metadata and its value, which is null for a secret (CK1) or an unreadable value.</summary>
/// <param name="Record">The stored record (metadata; its sealed bytes are not shown).</param>
/// <param name="Value">The decrypted value, or null.</param>
/// <param name="Secret">True for a secret category: stored only as a one-way hash and never disclosed.</param>
public sealed record PackageRecord(StoredRecord Record, string? Value, bool Secret)
{
    /// <summary>True when the value is kept only under a legal duty (sealed under the hold key).</summary>
    public bool HeldForLegalDuty => Record.KeyKind == SealingKeyKind.Hold;
}
