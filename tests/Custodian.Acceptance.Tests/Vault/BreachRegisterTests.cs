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
}
