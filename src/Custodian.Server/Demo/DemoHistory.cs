using Custodian.Requests;
using Custodian.Vault;

namespace Custodian.Server.Demo;

/// <summary>
/// A year of fictional history, planned as time-ordered steps so a virtual clock can run it: customers joining, marketing
/// consents given (more often as the year goes on) and sometimes withdrawn, and requests answered mostly on time, some late,
/// one refused, the newest still open (one of them overdue).
/// </summary>
internal static class DemoHistory
{
    private const int Customers = 36;
    private static readonly string[] FirstNames = ["Anne", "Peter", "Lone", "Michael", "Susanne", "Lars", "Mette", "Søren", "Hanne", "Niels", "Bente", "Poul"];
    private static readonly string[] LastNames = ["Jensen", "Hansen", "Andersen", "Christensen", "Rasmussen", "Jørgensen", "Poulsen", "Kristensen", "Thomsen", "Mikkelsen", "Olsen", "Knudsen"];
    private static readonly RequestKind[] Kinds = [RequestKind.Access, RequestKind.ConsentWithdrawal, RequestKind.Restriction, RequestKind.Access, RequestKind.Objection];

    /// <summary>What a step acts on.</summary>
    internal sealed record Context(DataVault Vault, RequestDesk Desk, Dictionary<int, string> Ids, Dictionary<int, string> Requests, string Actor);

    /// <summary>One step at one instant.</summary>
    internal sealed record Step(DateTimeOffset At, Func<Context, CancellationToken, Task> Run);

    /// <summary>The steps in time order and what they add up to.</summary>
    internal sealed record HistoryPlan(IReadOnlyList<Step> Steps, int People, int Requests);

    /// <summary>Plans the history between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static HistoryPlan Plan(DateTimeOffset start, DateTimeOffset end)
    {
        var random = new Random(1841);
        var steps = new List<Step>();
        var span = end - start;
        DateTimeOffset Joined(int p) => start + (span * 0.9 * p / Customers) + TimeSpan.FromHours(9);
        bool ErasureTarget(int p) => p % 6 == 5;

        for (var p = 0; p < Customers; p++)
        {
            var person = p;
            var joined = Joined(p);
            var first = FirstNames[p % FirstNames.Length];
            var last = LastNames[(p * 5 + p / 12) % LastNames.Length];
            var email = $"{Ascii(first)}.{Ascii(last)}.{p}@example.dk";
            var phone = $"+45 41 {p:00} 00 00";
            steps.Add(new Step(joined, async (c, ct) =>
            {
                var id = await c.Vault.CreateSubjectAsync(new NewSubject(email, phone), c.Actor, ct);
                c.Ids[person] = id;
                await c.Vault.RecordRelationshipAsync(id, "subscription", "opened", c.Actor, ct);
                await c.Vault.CollectAsync(id, "essential.service",
                [
                    new CollectValue("user.name", $"{first} {last}"),
                    new CollectValue("user.contact.address", $"Demovej {person + 1}, 2300 København S"),
                    new CollectValue("user.contact.phone_number", phone),
                    new CollectValue("user.contact.email", email),
                    new CollectValue("user.account.customer_number", $"C-{100000 + person}"),
                ], c.Actor, ct);
            }));

            var share = 0.3 + (0.45 * p / Customers);
            if (random.NextDouble() < share)
            {
                steps.Add(new Step(joined.AddMinutes(5), async (c, ct) =>
                {
                    await c.Vault.RecordConsentAsync(c.Ids[person], "marketing.communications.email", false, true, false, "web-form", "signup-form-v3", c.Actor, ct);
                    await c.Vault.CollectAsync(c.Ids[person], "marketing.communications.email", [new CollectValue("user.contact.email", email)], c.Actor, ct);
                }));
                var withdrawn = joined.AddDays(random.Next(30, 150));
                if (!ErasureTarget(p) && random.NextDouble() < 0.25 && withdrawn < end)
                    steps.Add(new Step(withdrawn, (c, ct) => c.Vault.RecordConsentAsync(c.Ids[person], "marketing.communications.email", false, false, false, "unsubscribe-link", "newsletter", c.Actor, ct)));
            }

            if (random.NextDouble() < 0.25)
                steps.Add(new Step(joined.AddMinutes(6), (c, ct) => c.Vault.RecordConsentAsync(c.Ids[person], "marketing.communications.phone", false, true, false, "phone-call", "call-script-v1", c.Actor, ct)));
        }

        var requests = 0;
        for (var p = 0; p < Customers; p++)
        {
            var person = p;
            var kind = ErasureTarget(p) ? RequestKind.Erasure : Kinds[p % Kinds.Length];
            if (!ErasureTarget(p) && p % 2 == 1) continue;
            var received = Joined(p).AddDays(random.Next(10, 40));
            if (received > end.AddDays(-45)) continue;
            var number = requests++;
            var late = number % 5 == 3;
            var denied = number % 9 == 7 && kind != RequestKind.Erasure;
            var answered = received.AddDays(late ? random.Next(34, 45) : random.Next(2, 26)).AddHours(3);
            steps.Add(new Step(received, async (c, ct) =>
            {
                var purpose = kind == RequestKind.Objection ? "marketing.communications.post" : null;
                var request = await c.Desk.SubmitAsync(new RequestSubmission(kind, RequestChannel.Admin, c.Ids[person], null, "da", purpose), c.Actor, ct);
                c.Requests[number] = request.RequestId;
            }));
            steps.Add(new Step(answered, async (c, ct) =>
            {
                if (denied) await c.Desk.DenyAsync(c.Requests[number], "identity_not_proven", "Vi kunne ikke bekræfte, at anmodningen kom fra dig.", c.Actor, ct);
                else await c.Desk.CompleteAsync(c.Requests[number], null, null, c.Actor, ct);
            }));
        }

        // The newest requests are still open: one past its deadline, one extended, one just received.
        foreach (var (person, daysBeforeEnd, kind, extend) in new[] { (4, 40, RequestKind.Access, false), (8, 25, RequestKind.Restriction, true), (10, 6, RequestKind.Erasure, false) })
        {
            var number = requests++;
            steps.Add(new Step(end.AddDays(-daysBeforeEnd), async (c, ct) =>
            {
                var request = await c.Desk.SubmitAsync(new RequestSubmission(kind, RequestChannel.Admin, c.Ids[person], null, "da"), c.Actor, ct);
                if (extend) await c.Desk.ExtendAsync(request.RequestId, null, "Sagen kræver oplysninger fra en samarbejdspartner.", c.Actor, ct);
            }));
        }

        return new HistoryPlan([.. steps.OrderBy(s => s.At)], Customers, requests);
    }

    private static string Ascii(string name) =>
        name.ToLowerInvariant().Replace("ø", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal);
}
