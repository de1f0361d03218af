using Custodian.Requests;
using Custodian.Scenarios;
using Custodian.Vault;

namespace Custodian.Server.Demo;

/// <summary>
/// Believable, clearly fictional data for <c>custodian demo</c> and the browser tests: a year of history (customers joining,
/// consents given and withdrawn, requests answered on time or late) so the admin console's charts have something to show,
/// then six named customers with subscriptions, consents, care data and alarm-unit readings.
/// </summary>
public static class DemoSeed
{
    /// <summary>The actor the seed's audit entries name.</summary>
    public const string Actor = "demo-seed";

    /// <summary>How far back the history starts.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(365);

    /// <summary>The named customers, in the order <see cref="SeedAsync"/> returns their ids.</summary>
    public static IReadOnlyList<DemoPerson> People { get; } =
    [
        new("Karen Holm", "karen.holm@example.dk", "+45 20 30 40 50", "Amagerbrogade 12, 2300 København S", new DateOnly(1941, 3, 14)),
        new("Jens Madsen", "jens.madsen@example.dk", "+45 21 31 41 51", "Vesterbrogade 88, 1620 København V", new DateOnly(1938, 11, 2)),
        new("Birthe Nielsen", "birthe.nielsen@example.dk", "+45 22 32 42 52", "Nørregade 22, 5000 Odense C", new DateOnly(1947, 6, 30)),
        new("Ole Sørensen", "ole.sorensen@example.dk", "+45 23 33 43 53", "Søndergade 5, 8000 Aarhus C", new DateOnly(1952, 1, 9)),
        new("Inge Petersen", "inge.petersen@example.dk", "+45 24 34 44 54", "Algade 17, 4000 Roskilde", new DateOnly(1944, 9, 21)),
        new("Henrik Larsen", "henrik.larsen@example.dk", "+45 25 35 45 55", "Jernbanegade 3, 9000 Aalborg", new DateOnly(1949, 4, 12)),
    ];

    /// <summary>
    /// Seeds a vault whose clock is <paramref name="clock"/>, standing at <paramref name="now"/> minus <see cref="History"/>: the
    /// history runs on it, and it ends at <paramref name="now"/>. Returns the ids of <see cref="People"/>, in order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(DataVault vault, VirtualClock clock, DateTimeOffset now, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(progress);
        var history = DemoHistory.Plan(clock.GetUtcNow(), now - TimeSpan.FromDays(2));
        progress.WriteLine($"  a year of history: {history.People} customers, {history.Requests} requests …");
        var desk = vault.CreateRequestDesk();
        var ids = new Dictionary<int, string>();
        var requests = new Dictionary<int, string>();
        foreach (var step in history.Steps)
        {
            clock.MoveTo(step.At);
            await step.Run(new DemoHistory.Context(vault, desk, ids, requests, Actor), ct);
        }

        clock.MoveTo(now - TimeSpan.FromMinutes(5));
        var named = new List<string>();
        var random = new Random(20241121);
        for (var i = 0; i < People.Count; i++)
        {
            var (name, email, phone, address, born) = People[i];
            var id = await vault.CreateSubjectAsync(new NewSubject(email, phone, null, born), Actor, ct);
            named.Add(id);
            await vault.RecordRelationshipAsync(id, "subscription", "opened", Actor, ct);
            await vault.CollectAsync(id, "essential.service",
            [
                new CollectValue("user.name", name),
                new CollectValue("user.contact.address", address),
                new CollectValue("user.contact.phone_number", phone),
                new CollectValue("user.contact.email", email),
                new CollectValue("user.account.customer_number", $"C-{100200 + i}"),
            ], Actor, ct);

            // The newsletter consent only: the email is already on file (collected above), and a read for the newsletter
            // is decided per category, so collecting it again would store a second copy and show it twice in every read.
            if (i % 2 == 0) await vault.RecordConsentAsync(id, "marketing.communications.email", false, true, false, "web-form", "signup-2024", Actor, ct);

            if (i % 3 == 0)
            {
                await vault.RecordConsentAsync(id, "essential.service.care", false, true, true, "signed-form", "care-consent-v2", Actor, ct);
                await vault.CollectAsync(id, "essential.service.care", [new CollectValue("user.health_and_medical", i == 0 ? "Uses a walking frame; diabetes type 2" : "Hearing aid in both ears")], Actor, ct);
            }

            var readings = Enumerable.Range(0, 48).Select(h => new EventInput(
                "user.behavior.consumption",
                now.AddHours(-48 + h),
                $"alarm-unit check ok; battery {90 - (h / 6)}%; {random.Next(0, 3)} button presses",
                $"SAFE-{4100 + i}")).ToList();
            await vault.AppendEventsAsync(id, "essential.service", readings, Actor, ct);
            progress.WriteLine($"  seeded named customer {i + 1} of {People.Count} ({id})");
        }

        await vault.AuthoriseRecipientAsync(named[0], "family_member", true, Actor, ct);
        await vault.RecordConsentAsync(named[0], "essential.service.care.disclosure", false, true, true, "signed-form", "disclosure-family", Actor, ct);
        await vault.ObjectAsync(named[1], "marketing.communications.post", Actor, ct);
        await vault.RecordConsentAsync(named[2], "marketing.communications.email", false, false, false, "unsubscribe-link", "newsletter-2024-10", Actor, ct);
        await desk.SubmitAsync(new RequestSubmission(RequestKind.Access, RequestChannel.Admin, named[2], People[2].Email, "da"), Actor, ct);
        clock.MoveTo(now);
        return named;
    }
}
