using System.Security.Cryptography;

namespace Custodian.Crypto;

/// <summary>
/// A freshly created per-subject data key: the plaintext key to seal with now, and the wrapped
/// form the store keeps. Dispose to zero the plaintext key once the sealer is built.
/// </summary>
public sealed class SubjectDataKey : IDisposable
{
    private readonly byte[] _key;

    internal SubjectDataKey(uint keyId, byte[] key, byte[] wrapped)
    {
        KeyId = keyId;
        _key = key;
        Wrapped = wrapped;
    }

    /// <summary>The key id written into every envelope sealed with this key.</summary>
    public uint KeyId { get; }

    /// <summary>The key wrapped by the master key (AES-GCM, bound to the subject id); safe to store.</summary>
    public byte[] Wrapped { get; }

    /// <summary>The plaintext key; only for building a <see cref="RecordSealer"/>.</summary>
    public ReadOnlySpan<byte> Key => _key;

    /// <summary>Creates a sealer for this key.</summary>
    public RecordSealer CreateSealer() => new(KeyId, _key);

    /// <summary>Zeroes the plaintext key.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_key);

    /// <inheritdoc />
    public override string ToString() => $"SubjectDataKey({KeyId})";
}
