using System.Buffers.Binary;

namespace Custodian.Crypto;

/// <summary>
/// A read-only view of the versioned, self-describing ciphertext layout
/// <c>version(1) ‖ key id(4, big endian) ‖ nonce(12) ‖ ciphertext(n) ‖ tag(16)</c>.
/// The version and key id let algorithms and keys change later without guessing how old bytes were made.
/// </summary>
public readonly ref struct SealedEnvelope
{
    /// <summary>The only envelope version written today: AES-256-GCM.</summary>
    public const byte CurrentVersion = 1;

    /// <summary>Bytes of the header (version and key id).</summary>
    public const int HeaderLength = 5;

    /// <summary>AES-GCM nonce length.</summary>
    public const int NonceLength = 12;

    /// <summary>AES-GCM tag length.</summary>
    public const int TagLength = 16;

    /// <summary>Bytes an envelope adds to its plaintext.</summary>
    public const int Overhead = HeaderLength + NonceLength + TagLength;

    private SealedEnvelope(ReadOnlySpan<byte> bytes)
    {
        Header = bytes[..HeaderLength];
        Version = bytes[0];
        KeyId = BinaryPrimitives.ReadUInt32BigEndian(bytes[1..HeaderLength]);
        Nonce = bytes.Slice(HeaderLength, NonceLength);
        Ciphertext = bytes[(HeaderLength + NonceLength)..^TagLength];
        Tag = bytes[^TagLength..];
    }

    /// <summary>The envelope version byte.</summary>
    public byte Version { get; }

    /// <summary>The id of the key that sealed the value.</summary>
    public uint KeyId { get; }

    /// <summary>The version byte and key id, which are authenticated too.</summary>
    public ReadOnlySpan<byte> Header { get; }

    /// <summary>The 12-byte nonce.</summary>
    public ReadOnlySpan<byte> Nonce { get; }

    /// <summary>The ciphertext, the same length as the plaintext.</summary>
    public ReadOnlySpan<byte> Ciphertext { get; }

    /// <summary>The 16-byte authentication tag.</summary>
    public ReadOnlySpan<byte> Tag { get; }

    /// <summary>The sealed length of a plaintext of <paramref name="plaintextLength"/> bytes.</summary>
    public static int SealedLength(int plaintextLength) => plaintextLength + Overhead;

    /// <summary>Parses an envelope without copying.</summary>
    /// <exception cref="SealedValueException">Too short or an unknown version (<c>CRYPTO001</c>).</exception>
    public static SealedEnvelope Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Overhead)
        {
            throw new SealedValueException(SealedValueException.MalformedCode, "The sealed value is shorter than an envelope.");
        }

        if (bytes[0] != CurrentVersion)
        {
            throw new SealedValueException(SealedValueException.MalformedCode, $"Unknown envelope version {bytes[0]}.");
        }

        return new SealedEnvelope(bytes);
    }

    /// <summary>Reads the key id so the caller can pick the key before opening.</summary>
    /// <exception cref="SealedValueException">The bytes are not an envelope.</exception>
    public static uint ReadKeyId(ReadOnlySpan<byte> bytes) => Parse(bytes).KeyId;

    /// <summary>Writes the header into <paramref name="destination"/>.</summary>
    internal static void WriteHeader(Span<byte> destination, uint keyId)
    {
        destination[0] = CurrentVersion;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..HeaderLength], keyId);
    }
}
