using System.Security.Cryptography;

namespace Custodian.Crypto;

/// <summary>
/// The 32-byte master key that wraps every subject data key and seeds the derived keys.
/// Held in one place so it can be zeroed on dispose; <see cref="ToString"/> never reveals it.
/// </summary>
public sealed class MasterKey : IDisposable
{
    /// <summary>The required key length in bytes (AES-256).</summary>
    public const int Length = 32;

    private readonly byte[] _key;
    private bool _disposed;

    /// <summary>Copies <paramref name="key"/>; the caller may clear its own copy afterwards.</summary>
    /// <exception cref="MasterKeyException">The key is not exactly 32 bytes.</exception>
    public MasterKey(ReadOnlySpan<byte> key, MasterKeySource source, string? warning = null)
    {
        if (key.Length != Length)
        {
            throw new MasterKeyException($"The master key must be exactly {Length} bytes; got {key.Length}.");
        }

        _key = key.ToArray();
        Source = source;
        Warning = warning;
    }

    /// <summary>Where the key was loaded from.</summary>
    public MasterKeySource Source { get; }

    /// <summary>An operator warning (for example: the key sits inside the data directory), or null.</summary>
    public string? Warning { get; }

    /// <summary>The key bytes, for deriving and wrapping keys only.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _key;
        }
    }

    /// <summary>Zeroes the key bytes.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        _disposed = true;
    }

    /// <inheritdoc />
    public override string ToString() => $"MasterKey({Source})";
}
