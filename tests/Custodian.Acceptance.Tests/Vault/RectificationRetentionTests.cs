using Custodian.Policy;
using Custodian.Retention;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests.Vault;

/// <summary>
/// A corrected value and its retention period (CU6: marketing data kept up to a year after it was given): the stored
/// expiry and the retention sweep agree after a correction, and a value whose period has run out is not corrected.
/// </summary>
public sealed class RectificationRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompiledPolicy Policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "cekura", "policy.yaml"));
    private static readonly CancellationToken Ct = CancellationToken.None;
    private const string Email = "user.contact.email";
    private const string Marketing = "marketing.communications.email";
    private TempVault _temp = null!;

    private DataVault Vault => _temp.Vault;

    public async Task InitializeAsync() => _temp = await TempVault.CreateAsync(Policy, Start);

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    /// <summary>A newsletter subscriber: consent to email marketing and an address collected for it at <see cref="Start"/>.</summary>
    private async Task<string> SubscriberAsync()
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(), "test", Ct);
        await Vault.RecordConsentAsync(id, Marketing, false, true, true, "web_form", null, "test", Ct);
        await Vault.CollectAsync(id, Marketing, [new CollectValue(Email, "birthe@example.dk")], "test", Ct);
        return id;
    }

    [Fact]
    public async Task A_corrected_value_is_kept_for_the_period_counted_from_the_correction_and_the_sweep_agrees()
    {
        var id = await SubscriberAsync();
        _temp.Clock.MoveTo(Start.AddMonths(6));

        await Vault.RectifyAsync(id, Email, "birthe.nielsen@example.dk", "test", Ct);
        var corrected = Assert.Single(await Vault.Store.GetRecordsAsync(id, Email, Ct));
        _temp.Clock.MoveTo(Start.AddMonths(6).AddYears(1).AddDays(1));
        var sweep = await Vault.RunRetentionAsync(null, false, null, Ct);
        var after = Assert.Single(await Vault.Store.GetRecordsAsync(id, Email, Ct));

        Assert.Equal(Start.AddMonths(6).AddYears(1), corrected.ExpiresAt);
        Assert.Equal(1, sweep.Count(RetentionOutcome.Delete));
        Assert.Null(after.Sealed);
    }

    [Fact]
    public async Task The_old_expiry_neither_refuses_reads_of_the_corrected_value_nor_lets_the_sweep_take_it()
    {
        var id = await SubscriberAsync();
        _temp.Clock.MoveTo(Start.AddMonths(11));
        await Vault.RectifyAsync(id, Email, "birthe.nielsen@example.dk", "test", Ct);

        _temp.Clock.MoveTo(Start.AddMonths(13));
        var sweep = await Vault.RunRetentionAsync(null, false, null, Ct);
        var read = await Vault.ReadAsync(id, Marketing, null, [Email], "test", Ct);

        Assert.Equal(0, sweep.Count(RetentionOutcome.Delete));
        Assert.Equal("birthe.nielsen@example.dk", Assert.Single(read.Values).Value);
    }

    [Fact]
    public async Task A_correction_leaves_an_expiry_counted_from_the_end_of_the_relationship_where_it_was()
    {
        // CU6: customer data is kept at most 2 months after the customer relationship ends; a correction does not move that.
        var id = await Vault.CreateSubjectAsync(new NewSubject(), "test", Ct);
        await Vault.RecordRelationshipAsync(id, "subscription", "opened", "test", Ct);
        await Vault.CollectAsync(id, "essential.service", [new CollectValue("user.contact.address", "Nørregade 22")], "test", Ct);
        _temp.Clock.MoveTo(Start.AddMonths(3));
        await Vault.RecordRelationshipAsync(id, "subscription", "ended", "test", Ct);
        var before = Assert.Single(await Vault.Store.GetRecordsAsync(id, "user.contact.address", Ct));

        _temp.Clock.MoveTo(Start.AddMonths(4));
        await Vault.RectifyAsync(id, "user.contact.address", "Vestergade 3", "test", Ct);
        var after = Assert.Single(await Vault.Store.GetRecordsAsync(id, "user.contact.address", Ct));

        Assert.Equal(Start.AddMonths(5), before.ExpiresAt);
        Assert.Equal(before.ExpiresAt, after.ExpiresAt);
    }

    [Fact]
    public async Task A_value_past_its_retention_period_is_not_corrected_and_stays_due()
    {
        var id = await SubscriberAsync();
        _temp.Clock.MoveTo(Start.AddMonths(13));

        var refused = await Assert.ThrowsAsync<VaultException>(() => Vault.RectifyAsync(id, Email, "birthe.nielsen@example.dk", "test", Ct));
        var sweep = await Vault.RunRetentionAsync(null, false, null, Ct);

        Assert.Equal(VaultErrorCodes.RecordExpired, refused.Code);
        Assert.Contains("2026-03-01", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, sweep.Count(RetentionOutcome.Delete));
    }
}
