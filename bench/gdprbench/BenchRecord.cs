namespace Custodian.GdprBench;

/// <summary>One GDPRbench record: its key (also its user, one record per user), the purpose it was collected for,
/// when, when its TTL ends, and its ten 100-byte fields joined into one value.</summary>
internal sealed record BenchRecord(int Key, string Purpose, DateTimeOffset CollectedAt, DateTimeOffset ExpiresAt, string Data);
