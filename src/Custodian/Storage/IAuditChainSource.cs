using Custodian.Audit;

namespace Custodian.Storage;

/// <summary>The read side of a store's audit log that <see cref="AuditVerifier"/> needs.</summary>
public interface IAuditChainSource
{
    /// <summary>Streams entries with sequence ≥ <paramref name="fromSequence"/> in stored sequence order.</summary>
    Task ReadAuditChainAsync(long fromSequence, IAuditChainVisitor visitor, CancellationToken cancellationToken);

    /// <summary>All checkpoints in sequence order.</summary>
    Task<IReadOnlyList<AuditCheckpoint>> ReadAuditCheckpointsAsync(CancellationToken cancellationToken);
}
