namespace Custodian.GdprBench;

/// <summary>The purposes and record category of <c>gdprbench-policy.yaml</c>, and each purpose's TTL as its retention rule states it.</summary>
internal static class BenchPurposes
{
    /// <summary>The one category every record is collected as.</summary>
    public const string Category = "user.content.private.bench_record";

    /// <summary>Every purpose, by index; the first three are on legitimate interest, the last on consent.</summary>
    public static readonly string[] All = ["analytics.reporting", "marketing.communications.post", "essential.service.operations.support", "marketing.communications.email"];

    /// <summary>The purpose inserted records are collected for, on consent.</summary>
    public const int ConsentIndex = 3;

    /// <summary>When a record collected at <paramref name="collected"/> for purpose <paramref name="index"/> expires.</summary>
    public static DateTimeOffset Expiry(int index, DateTimeOffset collected) => index switch
    {
        0 => collected.AddYears(2),
        1 => collected.AddYears(1),
        2 => collected.AddMonths(6),
        _ => collected.AddYears(1),
    };
}
