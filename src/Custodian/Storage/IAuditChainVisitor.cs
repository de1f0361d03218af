namespace Custodian.Storage;

/// <summary>
/// Receives audit rows in sequence order straight from the store's buffers, so verifying millions
/// of entries allocates nothing per entry. The spans are valid only during the call.
/// </summary>
public interface IAuditChainVisitor
{
    /// <summary>Visits one stored entry; return false to stop reading.</summary>
    /// <param name="sequence">The sequence number the row is stored under.</param>
    /// <param name="body">The canonical entry bytes.</param>
    /// <param name="hash">The stored chain hash.</param>
    bool VisitEntry(long sequence, ReadOnlySpan<byte> body, ReadOnlySpan<byte> hash);
}
