using Custodian.Policy;
using Custodian.Sqlite;
using Custodian.Vault;
using Microsoft.Data.Sqlite;

namespace Custodian.Acceptance.Tests.Vault;

/// <summary>
/// The vault reuses a person's decoded state between calls; these pin down that no change is ever missed: every
/// read after a write, from this vault or from another connection, decides on the new state.
/// </summary>
public sealed class SubjectStateCacheTests : IAsyncLifetime
{
    private const string Newsletter = "marketing.communications.email";
    private const string Portal = "essential.service";
    private const string SupportPurpose = "essential.service.operations.support";
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompiledPolicy Policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "isocket", "policy.yaml"));
    private TempVault _temp = null!;

    private DataVault Vault => _temp.Vault;

    public async Task InitializeAsync() => _temp = await TempVault.CreateAsync(Policy, Start);

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public async Task Withdrawn_consent_denies_the_very_next_read()
    {
        var id = await SubscriberAsync();
        Assert.Single((await ReadNewsletterAsync(id)).Values);

        await Vault.RecordConsentAsync(id, Newsletter, isPermission: false, given: false, isExplicit: true, "unsubscribe_link", null, "test", CancellationToken.None);
        var after = await ReadNewsletterAsync(id);

        Assert.Empty(after.Values);
        Assert.Contains("consent_withdrawn", Assert.Single(after.Denied).Reasons);
    }

    [Fact]
    public async Task A_restriction_written_by_another_connection_denies_the_next_read()
    {
        var id = await CustomerAsync();
        await Vault.CollectAsync(id, Portal, [new CollectValue("user.contact.email", "maija@example.com")], "test", CancellationToken.None);
        Assert.Single((await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values);

        await WriteFromAnotherConnectionAsync("INSERT INTO restrictions (subject_id, restricted, at) VALUES ($id, 1, $at)", id);

        var after = await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None);

        Assert.Empty(after.Values);
        Assert.Contains("restricted", Assert.Single(after.Denied).Reasons);
    }

    [Fact]
    public async Task A_decision_made_on_a_held_copy_sees_an_objection_written_by_another_connection_and_audits_only_the_fresh_answer()
    {
        var id = await CustomerAsync();
        var question = new DecisionQuestion("user.contact.email", Portal);
        Assert.True(Assert.Single(await Vault.DecideAsync(id, [question], null, "test", CancellationToken.None)).Allowed);
        var entriesBefore = (await Vault.Store.GetAuditHeadAsync(CancellationToken.None)).Sequence;

        await WriteFromAnotherConnectionAsync("INSERT INTO restrictions (subject_id, restricted, at) VALUES ($id, 1, $at)", id);

        var after = Assert.Single(await Vault.DecideAsync(id, [question], null, "test", CancellationToken.None));
        var entries = await Vault.Store.ReadAuditAsync(entriesBefore + 1, 10, CancellationToken.None);

        Assert.False(after.Allowed);
        Assert.Contains("restricted", after.Reasons);
        var decision = Assert.Single(entries);
        Assert.Equal("decision", decision.Action);
        Assert.Contains("restricted", decision.ReasonCodes!);
    }

    [Fact]
    public async Task A_value_erased_by_another_connection_is_not_read_from_the_held_copy()
    {
        var id = await CustomerAsync();
        await Vault.CollectAsync(id, Portal, [new CollectValue("user.contact.email", "maija@example.com")], "test", CancellationToken.None);
        Assert.Single((await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values);
        Assert.Single((await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values);

        Assert.Equal(1, await WriteFromAnotherConnectionAsync("UPDATE records SET sealed = NULL, erased_at = $at WHERE subject_id = $id", id));

        var after = await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None);
        var entry = (await Vault.Store.ReadLatestAuditAsync(1, CancellationToken.None)).Single();

        Assert.Empty(after.Values);
        Assert.Equal("record.read", entry.Action);
        Assert.Equal(0, entry.Count);
    }

    [Fact]
    public async Task A_decision_at_an_earlier_instant_uses_the_state_at_that_instant()
    {
        var id = await SubscriberAsync();
        Assert.Single((await ReadNewsletterAsync(id)).Values);

        var before = await Vault.DecideAsync(id, [new DecisionQuestion("user.contact.email", Newsletter)], Start.AddDays(-1), "test", CancellationToken.None);
        var now = await Vault.DecideAsync(id, [new DecisionQuestion("user.contact.email", Newsletter)], null, "test", CancellationToken.None);

        Assert.False(Assert.Single(before).Allowed);
        Assert.True(Assert.Single(now).Allowed);
    }

    [Fact]
    public async Task A_shredded_person_reads_nothing_right_after_the_shred()
    {
        var id = await CustomerAsync();
        await Vault.CollectAsync(id, Portal, [new CollectValue("user.contact.email", "maija@example.com")], "test", CancellationToken.None);
        Assert.Single((await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values);

        await using (var tx = await Vault.Store.BeginAsync(CancellationToken.None))
        {
            await tx.ShredSubjectAsync(id, Start, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }

        var after = await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None);

        Assert.Empty(after.Values);
        Assert.Contains("subject_erased", Assert.Single(after.Denied).Reasons);
    }

    [Fact]
    public async Task A_rectified_value_is_what_the_very_next_read_returns()
    {
        var id = await CustomerAsync();
        await Vault.CollectAsync(id, Portal, [new CollectValue("user.contact.email", "maija@example.com")], "test", CancellationToken.None);
        var first = Assert.Single((await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values);

        await Vault.RectifyAsync(id, "user.contact.email", "maija.virtanen@example.com", "test", CancellationToken.None);
        var after = Assert.Single((await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values);

        Assert.Equal("maija@example.com", first.Value);
        Assert.Equal("maija.virtanen@example.com", after.Value);
    }

    [Fact]
    public async Task Records_written_or_deleted_by_another_connection_show_in_the_next_read()
    {
        var id = await CustomerAsync();
        await Vault.CollectAsync(id, Portal, [new CollectValue("user.contact.email", "maija@example.com"), new CollectValue("user.name", "Maija")], "test", CancellationToken.None);
        Assert.Equal(2, (await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values.Count);

        await WriteFromAnotherConnectionAsync("DELETE FROM records WHERE subject_id = $id AND category = 'user.name'", id);

        var after = await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None);

        Assert.Equal("user.contact.email", Assert.Single(after.Values).CategoryKey);
    }

    [Fact]
    public async Task An_erased_record_is_not_returned_by_the_read_after_the_erasure()
    {
        var id = await CustomerAsync();
        await Vault.CollectAsync(id, Portal, [new CollectValue("user.contact.email", "maija@example.com")], "test", CancellationToken.None);
        Assert.Single((await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values);

        await Vault.EraseSubjectAsync(id, "en", "erasure_request", "test", CancellationToken.None);
        var after = await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None);

        Assert.Empty(after.Values);
    }

    [Fact]
    public async Task Lifting_an_objection_on_a_held_copy_also_lifts_one_another_connection_added_since()
    {
        var (id, question) = await ObjectedAndHeldAsync();

        await WriteFromAnotherConnectionAsync($"INSERT INTO objections (id, subject_id, purpose, at, lifted_at) VALUES ('obj_other', $id, '{SupportPurpose}', $at, NULL)", id);
        var lifted = await Vault.LiftObjectionAsync(id, SupportPurpose, "test", CancellationToken.None);
        var after = Assert.Single(await Vault.DecideAsync(id, [question], null, "test", CancellationToken.None));

        Assert.Equal(2, lifted);
        Assert.True(after.Allowed);
        Assert.All((await Vault.Store.LoadSubjectStateAsync(id, CancellationToken.None))!.Objections, o => Assert.NotNull(o.LiftedAt));
    }

    [Fact]
    public async Task Lifting_an_objection_on_a_held_copy_lifts_it_and_the_next_decision_sees_it()
    {
        var (id, question) = await ObjectedAndHeldAsync();

        var lifted = await Vault.LiftObjectionAsync(id, SupportPurpose, "test", CancellationToken.None);
        var again = await Vault.LiftObjectionAsync(id, SupportPurpose, "test", CancellationToken.None);

        Assert.Equal(1, lifted);
        Assert.Equal(0, again);
        Assert.True(Assert.Single(await Vault.DecideAsync(id, [question], null, "test", CancellationToken.None)).Allowed);
    }

    /// <summary>Runs <paramref name="sql"/> (with <c>$id</c> and <c>$at</c>) on a connection of its own, past the vault; returns the rows it changed.</summary>
    private async Task<int> WriteFromAnotherConnectionAsync(string sql, string id)
    {
        await using var other = new SqliteConnection($"Data Source={Path.Combine(_temp.Directory, SqliteVaultStoreOptions.DatabaseFileName)}");
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        if (sql.Contains("$at", StringComparison.Ordinal)) command.Parameters.AddWithValue("$at", Start.UtcTicks);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>A customer who objected to support, decided on once so that the vault holds their state.</summary>
    private async Task<(string Id, DecisionQuestion Question)> ObjectedAndHeldAsync()
    {
        var id = await CustomerAsync();
        var question = new DecisionQuestion("user.contact.email", SupportPurpose);
        await Vault.ObjectAsync(id, SupportPurpose, "test", CancellationToken.None);
        Assert.False(Assert.Single(await Vault.DecideAsync(id, [question], null, "test", CancellationToken.None)).Allowed);
        return (id, question);
    }

    private async Task<string> CustomerAsync()
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(Email: "maija@example.com"), "test", CancellationToken.None);
        await Vault.RecordRelationshipAsync(id, "account", "opened", "test", CancellationToken.None);
        return id;
    }

    private async Task<string> SubscriberAsync()
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(Email: "maija@example.com"), "test", CancellationToken.None);
        await Vault.RecordConsentAsync(id, Newsletter, isPermission: false, given: true, isExplicit: true, "signup_form", null, "test", CancellationToken.None);
        await Vault.CollectAsync(id, Newsletter, [new CollectValue("user.contact.email", "maija@example.com")], "test", CancellationToken.None);
        return id;
    }

    private Task<ReadResult> ReadNewsletterAsync(string id) => Vault.ReadAsync(id, Newsletter, null, null, "test", CancellationToken.None);
}
