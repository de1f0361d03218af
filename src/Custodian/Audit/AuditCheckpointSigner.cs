using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Custodian.Audit;

/// <summary>Signs and checks audit checkpoints with HMAC-SHA256 under the audit key (<c>KeyRing.AuditKey</c>).</summary>
public sealed class AuditCheckpointSigner
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("custodian.audit.checkpoint.v1");
    private readonly byte[] _key;

    /// <summary>Creates a signer for a 32-byte audit key.</summary>
    public AuditCheckpointSigner(ReadOnlySpan<byte> auditKey)
    {
        if (auditKey.Length < 32)
        {
            throw new ArgumentException("The audit key must be at least 32 bytes.", nameof(auditKey));
        }

        _key = auditKey.ToArray();
    }

    /// <summary>Signs a checkpoint for the entry at <paramref name="sequence"/> with hash <paramref name="entryHash"/>.</summary>
    public AuditCheckpoint Sign(long sequence, ReadOnlySpan<byte> entryHash, DateTimeOffset at)
    {
        var signature = new byte[32];
        Compute(sequence, entryHash, at.UtcTicks, signature);
        return new AuditCheckpoint(sequence, entryHash.ToArray(), at.ToUniversalTime(), signature);
    }

    /// <summary>True when the checkpoint's signature is valid; compares in constant time.</summary>
    public bool Verify(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Span<byte> expected = stackalloc byte[32];
        Compute(checkpoint.Sequence, checkpoint.EntryHash, checkpoint.At.UtcTicks, expected);
        return CryptographicOperations.FixedTimeEquals(expected, checkpoint.Signature);
    }

    private void Compute(long sequence, ReadOnlySpan<byte> entryHash, long ticks, Span<byte> destination)
    {
        Span<byte> message = stackalloc byte[Label.Length + 8 + 8 + entryHash.Length];
        Label.CopyTo(message);
        BinaryPrimitives.WriteInt64BigEndian(message[Label.Length..], sequence);
        BinaryPrimitives.WriteInt64BigEndian(message[(Label.Length + 8)..], ticks);
        entryHash.CopyTo(message[(Label.Length + 16)..]);
        HMACSHA256.HashData(_key, message, destination);
    }
}
