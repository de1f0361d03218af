using System.Security.Cryptography;

namespace Custodian.Audit;

/// <summary>
/// The hash chain every store uses: <c>hash(n) = SHA-256(hash(n-1) ‖ canonical bytes(n))</c>,
/// starting from 32 zero bytes. Editing, dropping or reordering any entry changes every later hash.
/// </summary>
public static class AuditChain
{
    /// <summary>Length of a chain hash.</summary>
    public const int HashLength = 32;

    private static readonly byte[] Genesis = new byte[HashLength];

    /// <summary>The "previous hash" of entry 1.</summary>
    public static ReadOnlySpan<byte> GenesisHash => Genesis;

    /// <summary>Assigns the next sequence number to <paramref name="entry"/>, encodes and hashes it.</summary>
    public static ChainedAuditEntry Link(AuditChainHead head, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(entry);
        var sequenced = entry with { Sequence = head.Sequence + 1 };
        var body = AuditEntryEncoding.Encode(sequenced);
        var hash = new byte[HashLength];
        ComputeHash(head.Hash, body, hash);
        return new ChainedAuditEntry(sequenced, body, hash);
    }

    /// <summary>Computes <c>SHA-256(previous ‖ body)</c> into <paramref name="destination"/>.</summary>
    public static void ComputeHash(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        hash.AppendData(body);
        hash.GetHashAndReset(destination);
    }
}
