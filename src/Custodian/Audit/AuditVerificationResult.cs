namespace Custodian.Audit;

/// <summary>The outcome of verifying the audit chain: valid, or the first broken link and what is wrong there.</summary>
/// <param name="Kind">What is wrong, or <see cref="AuditBreakKind.None"/>.</param>
/// <param name="BrokenAt">The sequence number of the first broken link, or null when valid.</param>
/// <param name="EntriesVerified">Entries whose links verified before the break (or in total).</param>
/// <param name="CheckpointsVerified">Checkpoints that verified.</param>
/// <param name="Message">A human-readable explanation (ids only).</param>
public sealed record AuditVerificationResult(AuditBreakKind Kind, long? BrokenAt, long EntriesVerified, long CheckpointsVerified, string Message)
{
    /// <summary>True when the whole chain and every checkpoint verified.</summary>
    public bool IsValid => Kind == AuditBreakKind.None;
}
