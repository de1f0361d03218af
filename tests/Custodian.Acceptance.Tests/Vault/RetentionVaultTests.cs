using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Retention;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests.Vault;

public sealed class RetentionVaultTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompiledPolicy Policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "isocket", "policy.yaml"));
    private static readonly CancellationToken Ct = CancellationToken.None;
    private TempVault _temp = null!;

    private DataVault Vault => _temp.Vault;

    public async Task InitializeAsync() => _temp = await TempVault.CreateAsync(Policy, Start);

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    private async Task<string> FormerCustomerAsync()
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(Email: "kalle@example.fi"), "test", Ct);
        await Vault.RecordRelationshipAsync(id, "account", "opened", "test", Ct);
        await Vault.CollectAsync(id, "essential.service", [new CollectValue("user.name", "Kalle Virtanen")], "test", Ct);
        _temp.Clock.MoveTo(Start.AddMonths(6));
        await Vault.RecordRelationshipAsync(id, "account", "ended", "test", Ct);
        return id;
    }

    [Fact]
    public async Task The_service_cannot_read_its_own_archive_and_the_management_key_can()
    {
        using var management = ArchivePrivateKey.Generate();
        Vault.UseArchiveKey(management.PublicKey());
        var id = await FormerCustomerAsync();

        _temp.Clock.MoveTo(Start.AddMonths(6).AddYears(2));
        var run = await Vault.RunRetentionAsync(null, false, null, Ct);
        var archive = Assert.Single(await Vault.ReadArchivesAsync(id, Ct));

        Assert.Equal(1, run.Count(RetentionOutcome.Archive));
        Assert.Empty(Directory.GetFiles(_temp.Directory, "*private*", SearchOption.AllDirectories));
        using (var hold = _temp.Keys.CreateHoldSealer())
        {
            Assert.Throws<SealedValueException>(() => hold.Open(archive.Items[0].Sealed, new SealBinding(id, "user.name", archive.Items[0].RecordId)));
        }

        Assert.Equal("Kalle Virtanen", Assert.Single(management.Open(archive)).Value);
    }

    [Fact]
    public async Task Without_an_archive_key_data_due_for_archiving_stays_and_the_run_says_so()
    {
        var id = await FormerCustomerAsync();

        _temp.Clock.MoveTo(Start.AddYears(3));
        var run = await Vault.RunRetentionAsync(null, false, null, Ct);

        Assert.Equal(1, run.ArchiveKeyMissing);
        Assert.Contains(await Vault.Store.GetRecordsAsync(id, "user.name", Ct), r => r.Sealed is not null);
    }

    [Fact]
    public async Task The_end_of_a_relationship_sets_the_expiry_so_reads_stop_before_any_sweep()
    {
        var id = await FormerCustomerAsync();

        var record = Assert.Single(await Vault.Store.GetRecordsAsync(id, "user.name", Ct));
        _temp.Clock.MoveTo(Start.AddMonths(6).AddYears(2));
        var read = await Vault.ReadAsync(id, "essential.service.operations.support", null, ["user.name"], "test", Ct);

        Assert.Equal(Start.AddMonths(6).AddYears(2), record.ExpiresAt);
        Assert.Empty(read.Values);
    }

    [Fact]
    public async Task A_dry_run_changes_nothing()
    {
        using var management = ArchivePrivateKey.Generate();
        Vault.UseArchiveKey(management.PublicKey());
        var id = await FormerCustomerAsync();
        var audit = (await Vault.Store.GetAuditHeadAsync(Ct)).Sequence;

        var run = await Vault.RunRetentionAsync(Start.AddYears(3), true, null, Ct);

        Assert.Equal(1, run.Count(RetentionOutcome.Archive));
        Assert.Empty(await Vault.ReadArchivesAsync(null, Ct));
        Assert.Contains(await Vault.Store.GetRecordsAsync(id, null, Ct), r => r.Sealed is not null);
        Assert.Equal(audit, (await Vault.Store.GetAuditHeadAsync(Ct)).Sequence);
    }

    [Fact]
    public async Task The_forecast_lists_the_month_a_category_expires()
    {
        await FormerCustomerAsync();

        var forecast = await Vault.ForecastRetentionAsync(Start.AddMonths(6), 30, Ct);

        Assert.Contains(forecast.Cells, c => c.Month == "2026-07" && c.CategoryKey == "user.name" && c.Outcome == RetentionOutcome.Archive);
    }

    [Fact]
    public async Task A_retention_run_purges_what_an_interrupted_erasure_left_behind()
    {
        var id = await FormerCustomerAsync();
        await using (var tx = await Vault.Store.BeginAsync(Ct))
        {
            // As if the process stopped after the shred committed and before the rows were purged.
            await tx.AppendEventsAsync([new Storage.StoredEvent("evt_left_behind", id, "user.sensor.isocket", Start, null, [1, 2, 3])], Ct);
            await tx.ShredSubjectAsync(id, Start.AddMonths(6), Ct);
            await tx.CommitAsync(Ct);
        }

        var before = await Vault.Store.GetAuditHeadAsync(Ct);
        await Vault.RunRetentionAsync(null, false, null, Ct);
        var audit = await Vault.Store.ReadAuditAsync(before.Sequence + 1, 100, Ct);

        Assert.Equal(0, await Vault.Store.CountEventsAsync(id, Ct));
        Assert.DoesNotContain(await Vault.Store.GetRecordsAsync(id, null, Ct), r => r.KeyKind == Storage.SealingKeyKind.Subject);
        Assert.Contains(audit, e => e.Action == "purge.shredded" && e.Count == 2);
    }
}
