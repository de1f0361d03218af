namespace Custodian.Audit;

/// <summary>
/// A signed statement that the chain reached <see cref="EntryHash"/> at <see cref="Sequence"/>.
/// Without the audit key nobody can rewrite the chain and re-sign its checkpoints, and a
/// checkpoint past the last entry reveals a truncated log.
/// </summary>
/// <param name="Sequence">The entry the checkpoint covers.</param>
/// <param name="EntryHash">That entry's chain hash.</param>
/// <param name="At">When the checkpoint was made.</param>
/// <param name="Signature">HMAC-SHA256 under the audit key.</param>
public sealed record AuditCheckpoint(long Sequence, byte[] EntryHash, DateTimeOffset At, byte[] Signature);
