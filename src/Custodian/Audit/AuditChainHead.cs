namespace Custodian.Audit;

/// <summary>The last link of the chain: its sequence number (0 for an empty log) and hash.</summary>
/// <param name="Sequence">The last sequence number, 0 when the log is empty.</param>
/// <param name="Hash">The last entry hash, or <see cref="AuditChain.GenesisHash"/>.</param>
public sealed record AuditChainHead(long Sequence, byte[] Hash)
{
    /// <summary>The head of an empty log.</summary>
    public static AuditChainHead Empty { get; } = new(0, AuditChain.GenesisHash.ToArray());
}
