namespace Custodian.Client.Contracts;

/// <summary>The outcome of verifying the audit chain: valid, or the first broken link.</summary>
/// <param name="Kind">none, or what is wrong (hash_mismatch, gap, reordered…).</param>
/// <param name="BrokenAt">The first broken sequence number, or null.</param>
/// <param name="EntriesVerified">Entries verified.</param>
/// <param name="CheckpointsVerified">Checkpoints verified.</param>
/// <param name="Message">A human-readable explanation.</param>
/// <param name="IsValid">True when the whole chain verified.</param>
public sealed record AuditVerification(string Kind, long? BrokenAt, long EntriesVerified, long CheckpointsVerified, string Message, bool IsValid);
