using Custodian.Storage;
using Custodian.Storage.Conformance;

namespace Custodian.Postgres.Tests;

/// <summary>Two servers notifying the people affected by one breach at the same moment: the second claim waits for the first and sends nothing.</summary>
public sealed class BreachClaimTests : IAsyncDisposable
{
    private readonly SchemaFixture _schema = new("breachclaim");

    public ValueTask DisposeAsync() => _schema.DisposeAsync();

    [PostgresFact]
    public async Task A_second_claim_on_another_connection_waits_for_the_first_and_finds_the_breach_claimed()
    {
        await using var first = await _schema.OpenAsync();
        await using var second = await _schema.OpenAsync();
        var at = TestData.T0;
        var breach = new BreachRecord(TestData.NewId("brc"), at, at.AddDays(-1), at, "A laptop was stolen.", "Contact details could be disclosed.", ["user.contact"], ["crm"], []);
        await using (var save = await first.BeginAsync(CancellationToken.None))
        {
            await save.SaveBreachAsync(breach, CancellationToken.None);
            await save.CommitAsync(CancellationToken.None);
        }

        await using var winner = await first.BeginAsync(CancellationToken.None);
        Assert.True(await winner.ClaimBreachNotificationAsync(breach.BreachId, at.AddHours(1), CancellationToken.None));
        await using var loser = await second.BeginAsync(CancellationToken.None);
        var claim = loser.ClaimBreachNotificationAsync(breach.BreachId, at.AddHours(2), CancellationToken.None);
        await Task.Delay(300);
        Assert.False(claim.IsCompleted, "the second claim did not wait for the first transaction");
        await winner.CommitAsync(CancellationToken.None);

        Assert.False(await claim.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(at.AddHours(1), (await second.GetBreachAsync(breach.BreachId, CancellationToken.None))!.PeopleNotifiedAt);
    }
}
