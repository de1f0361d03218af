using Custodian.Storage;

namespace Custodian.Benchmarks;

/// <summary>
/// Synthetic people for retention benchmarks under the CEKURA example policy: each has ten records across customer
/// data (subscription ended or live), support, bookkeeping (a settled payment) and a contest entry.
/// </summary>
public static class RetentionData
{
    /// <summary>The instant the benchmarks evaluate at.</summary>
    public static readonly DateTimeOffset At = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Category, string Purpose)[] Shape =
    [
        ("user.name", "essential.service"), ("user.contact.address", "essential.service"), ("user.contact.phone_number", "essential.service"),
        ("user.contact.email", "essential.service"), ("user.account.customer_number", "essential.service"),
        ("user.content.private.recorded_call", "essential.service.operations.support"), ("user.content.private.correspondence", "essential.service.operations.support"),
        ("user.payment", "finance.bookkeeping"), ("user.behavior.purchase_history.orders", "finance.bookkeeping"),
        ("user.contact.email", "marketing.contest"),
    ];

    /// <summary>Records per person.</summary>
    public static int RecordsPerSubject => Shape.Length;

    /// <summary>Builds <paramref name="subjects"/> people; every other one ended the subscription in 2025.</summary>
    public static RetentionSubject[] Subjects(int subjects)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var result = new RetentionSubject[subjects];
        for (var s = 0; s < subjects; s++)
        {
            var id = $"sub_{s:D8}";
            var collected = start.AddMinutes(s);
            var records = new RetentionRecord[Shape.Length];
            for (var r = 0; r < Shape.Length; r++)
                records[r] = new RetentionRecord($"rec_{s:D8}_{r}", id, Shape[r].Category, Shape[r].Purpose, collected, null, SealingKeyKind.Subject);
            var events = new List<RelationshipEvent>
            {
                new(id, "subscription", "opened", collected),
                new(id, "subscription", "payment_settled", collected.AddDays(3)),
                new(id, "contest", "ended", collected.AddMonths(2)),
            };
            if (s % 2 == 0) events.Add(new RelationshipEvent(id, "subscription", "ended", collected.AddMonths(14)));
            result[s] = new RetentionSubject { SubjectId = id, Records = records, Relationships = events, Consents = [new RetentionConsent("marketing.contest", true, collected)] };
        }

        return result;
    }
}
