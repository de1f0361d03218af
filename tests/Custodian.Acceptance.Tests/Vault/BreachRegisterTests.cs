using Custodian.Policy;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests.Vault;

public sealed class BreachRegisterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompiledPolicy Policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "cekura", "policy.yaml"));
    private TempVault _temp = null!;

    private DataVault Vault => _temp.Vault;

    public async Task InitializeAsync() => _temp = await TempVault.CreateAsync(Policy, Start);

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    private async Task<string> CustomerAsync(int i, bool care)
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(Email: $"kunde{i}@example.dk"), "test", CancellationToken.None);
        await Vault.RecordRelationshipAsync(id, "subscription", "opened", "test", CancellationToken.None);
        await Vault.CollectAsync(id, "essential.service", [new CollectValue("user.name", $"Kunde {i}"), new CollectValue("user.contact.address", "Vej 1"), new CollectValue("user.contact.phone_number", "+4520000000")], "test", CancellationToken.None);
        if (care)
        {
            await Vault.RecordConsentAsync(id, "essential.service.care", false, true, true, "form", null, "test", CancellationToken.None);
            await Vault.CollectAsync(id, "essential.service.care", [new CollectValue("user.health_and_medical", "diabetes")], "test", CancellationToken.None);
        }

        return id;
    }

    [Fact]
    public async Task The_people_affected_are_those_who_held_the_categories_in_the_period()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await CustomerAsync(i, care: i < 3));
        _temp.Clock.MoveTo(Start.AddDays(10));
        var later = await CustomerAsync(9, care: true);

        var status = await Vault.RecordBreachAsync(new NewBreach(null, Start.AddDays(1), Start.AddDays(5), "A laptop with a care report export was stolen.", "Health details could become known.", ["user.health_and_medical"], ["care-reports"], []), "test", CancellationToken.None);
        var affected = await Vault.FindAffectedAsync(status.Breach, CancellationToken.None);

        Assert.Equal(3, status.Breach.AffectedPeople);
        Assert.Equal(ids.Take(3).Order(StringComparer.Ordinal), affected);
        Assert.DoesNotContain(later, affected);
    }

    [Fact]
    public async Task Disclosures_to_a_recipient_in_the_period_are_found_in_the_audit_trail()
    {
        var shared = await CustomerAsync(1, care: true);
        await CustomerAsync(2, care: true);
        await Vault.RecordConsentAsync(shared, "essential.service.care.disclosure", false, true, true, "form", null, "test", CancellationToken.None);
        await Vault.AuthoriseRecipientAsync(shared, "general_practitioner", true, "test", CancellationToken.None);
        await Vault.ReadAsync(shared, "essential.service.care.disclosure", "general_practitioner", ["user.name"], "test", CancellationToken.None);

        var status = await Vault.RecordBreachAsync(new NewBreach(null, Start.AddHours(-1), Start.AddHours(1), "The practitioner's mailbox was compromised.", "Names could be misused.", [], [], ["general_practitioner"]), "test", CancellationToken.None);

        Assert.Equal(1, status.Breach.AffectedPeople);
    }

    [Fact]
    public async Task The_72_hour_deadline_runs_from_discovery_and_the_notification_is_drafted()
    {
        await CustomerAsync(1, care: true);
        var status = await Vault.RecordBreachAsync(new NewBreach(Start, Start.AddDays(-2), null, "Misdirected email with care notes.", "Distress.", ["user.health_and_medical"], ["email"], []), "test", CancellationToken.None);

        _temp.Clock.MoveTo(Start.AddHours(71));
        var beforeDeadline = await Vault.GetBreachAsync(status.Breach.BreachId, CancellationToken.None);
        _temp.Clock.MoveTo(Start.AddHours(73));
        var afterDeadline = await Vault.GetBreachAsync(status.Breach.BreachId, CancellationToken.None);
        await Vault.AddBreachActionAsync(status.Breach.BreachId, "Recipient confirmed deletion of the email.", "test", CancellationToken.None);
        var notification = await Vault.ReportBreachAsync(status.Breach.BreachId, "test", CancellationToken.None);
        var reported = await Vault.GetBreachAsync(status.Breach.BreachId, CancellationToken.None);

        Assert.Equal(Start.AddHours(72), beforeDeadline.Deadline);
        Assert.False(beforeDeadline.Overdue);
        Assert.True(afterDeadline.Overdue);
        Assert.False(reported.Overdue);
        Assert.Contains("Datatilsynet", notification, StringComparison.Ordinal);
        Assert.Contains("Approximate number of people concerned:** 1", notification, StringComparison.Ordinal);
        Assert.Contains("Special categories (Art. 9) involved:** yes", notification, StringComparison.Ordinal);
        Assert.Contains("Recipient confirmed deletion", notification, StringComparison.Ordinal);
        Assert.Contains("late", notification, StringComparison.Ordinal);
    }

    private async Task<int> OutboxCountAsync() => (await Vault.Store.GetMessagesAsync(null, CancellationToken.None)).Count;

    private async Task<IReadOnlyList<Custodian.Audit.AuditEntry>> AuditAsync() => await Vault.Store.ReadAuditAsync(1, 100_000, CancellationToken.None);

    private async Task ReachableCustomerAsync(int i)
    {
        var id = await CustomerAsync(i, care: true);
        await Vault.CollectAsync(id, "essential.service", [new CollectValue("user.contact.email", $"kunde{i}@example.dk")], "test", CancellationToken.None);
    }

    private Task<Custodian.Breaches.BreachStatus> CareBreachAsync() =>
        Vault.RecordBreachAsync(new NewBreach(null, Start.AddHours(-1), null, "Care notes were emailed to the wrong practitioner.", "Health details could become known.", ["user.health_and_medical"], ["email"], []), "test", CancellationToken.None);

    [Fact]
    public async Task Notifying_the_people_twice_is_refused_and_queues_nothing_the_second_time()
    {
        await ReachableCustomerAsync(1);
        await ReachableCustomerAsync(2);
        var breach = (await CareBreachAsync()).Breach.BreachId;
        var first = await Vault.NotifyBreachAsync(breach, "test", CancellationToken.None);
        var queued = await OutboxCountAsync();
        var audited = (await AuditAsync()).Count;
        _temp.Clock.MoveTo(Start.AddHours(2));

        var refused = await Assert.ThrowsAsync<VaultException>(() => Vault.NotifyBreachAsync(breach, "test", CancellationToken.None));

        Assert.Equal(2, first.Queued);
        Assert.Equal(2, queued);
        Assert.Equal(VaultErrorCodes.AlreadyNotified, refused.Code);
        Assert.Contains("2025-03-03 09:00 UTC", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2 people", refused.Message, StringComparison.Ordinal);
        Assert.Contains("resend", refused.Message, StringComparison.Ordinal);
        Assert.Equal(queued, await OutboxCountAsync());
        Assert.Equal(audited, (await AuditAsync()).Count);
        Assert.Equal(Start, (await Vault.GetBreachAsync(breach, CancellationToken.None)).Breach.PeopleNotifiedAt);
    }

    [Fact]
    public async Task An_explicit_resend_queues_the_notices_again_and_is_audited_as_a_resend()
    {
        await ReachableCustomerAsync(1);
        var breach = (await CareBreachAsync()).Breach.BreachId;
        await Vault.NotifyBreachAsync(breach, "test", CancellationToken.None);
        _temp.Clock.MoveTo(Start.AddHours(2));

        var again = await Vault.NotifyBreachAsync(breach, resend: true, "test", CancellationToken.None);

        var notices = (await AuditAsync()).Where(e => e.Action == "breach.notify").ToList();
        Assert.Equal(1, again.Queued);
        Assert.Equal(2, await OutboxCountAsync());
        Assert.Equal(2, notices.Count);
        Assert.False(notices[0].Details.ContainsKey("resend"));
        Assert.Equal("true", notices[1].Details["resend"]);
        Assert.Equal(1, notices[1].Count);
        Assert.Equal(Start, (await Vault.GetBreachAsync(breach, CancellationToken.None)).Breach.PeopleNotifiedAt);
    }

    [Theory]
    [InlineData(null, 0, -1, "The end of the breach")]
    [InlineData(null, 1, null, "is in the future")]
    [InlineData(1, -1, null, "The discovery of the breach (2025-03-04")]
    [InlineData(-2, -1, null, "before its start")]
    public async Task Impossible_breach_dates_are_refused_and_nothing_is_recorded(int? discoveredDays, int fromDays, int? untilDays, string expected)
    {
        await CustomerAsync(1, care: true);
        var audited = (await AuditAsync()).Count;

        var refused = await Assert.ThrowsAsync<VaultException>(() => Vault.RecordBreachAsync(
            new NewBreach(discoveredDays is { } d ? Start.AddDays(d) : null, Start.AddDays(fromDays), untilDays is { } u ? Start.AddDays(u) : null, "Lost laptop.", "", ["user.health_and_medical"], [], []),
            "test",
            CancellationToken.None));

        Assert.Equal(VaultErrorCodes.InvalidValue, refused.Code);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Lost laptop", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await Vault.ListBreachesAsync(CancellationToken.None));
        Assert.Equal(audited, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task A_start_a_few_minutes_ahead_of_the_clock_is_accepted_and_discovered_when_it_begins()
    {
        var status = await Vault.RecordBreachAsync(new NewBreach(null, Start.AddMinutes(3), null, "Lost laptop.", "", ["user.health_and_medical"], [], []), "test", CancellationToken.None);

        Assert.Equal(Start.AddMinutes(3), status.Breach.DiscoveredAt);
        Assert.Equal(Start.AddMinutes(3), status.Breach.OccurredUntil);
    }

    [Fact]
    public async Task An_unknown_breach_id_that_is_not_an_id_is_not_repeated_back()
    {
        var text = new string('x', 500) + " secret notes";

        var refused = await Assert.ThrowsAsync<VaultException>(() => Vault.NotifyBreachAsync(text, "test", CancellationToken.None));
        var plain = await Assert.ThrowsAsync<VaultException>(() => Vault.GetBreachAsync("brc_nosuch", CancellationToken.None));

        Assert.Equal(VaultErrorCodes.UnknownBreach, refused.Code);
        Assert.DoesNotContain("secret notes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("brc_nosuch", plain.Message, StringComparison.Ordinal);
    }
}
