namespace Custodian.Audit;

/// <summary>An entry linked into the chain, ready for a store to persist as one row.</summary>
/// <param name="Entry">The entry with its sequence number.</param>
/// <param name="Body">The canonical bytes (<see cref="AuditEntryEncoding"/>), the authoritative stored form.</param>
/// <param name="Hash">SHA-256(previous hash ‖ body).</param>
public sealed record ChainedAuditEntry(AuditEntry Entry, byte[] Body, byte[] Hash);
