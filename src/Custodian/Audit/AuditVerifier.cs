using Custodian.Storage;

namespace Custodian.Audit;

/// <summary>
/// Re-computes the whole audit chain from a store and reports the first broken link: an edited,
/// dropped or reordered entry, a forged checkpoint, or a checkpoint past the end of a truncated log.
/// Entries stream through spans into a reused buffer; each link only depends on the stored hash
/// before it, so links are checked in parallel chunks, with no allocation per entry.
/// </summary>
public sealed class AuditVerifier
{
    private readonly AuditCheckpointSigner _signer;

    /// <summary>Creates a verifier that checks checkpoints with <paramref name="signer"/>.</summary>
    public AuditVerifier(AuditCheckpointSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        _signer = signer;
    }

    /// <summary>Verifies every entry and checkpoint the store holds.</summary>
    public async Task<AuditVerificationResult> VerifyAsync(IAuditChainSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var checkpoints = await source.ReadAuditCheckpointsAsync(cancellationToken);
        var walker = new AuditChainWalker(_signer, checkpoints);
        await source.ReadAuditChainAsync(1, walker, cancellationToken);
        return walker.Finish();
    }
}
