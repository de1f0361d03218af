using System.Diagnostics.Metrics;
using Custodian.Policy;
using Custodian.Sqlite;
using Custodian.Vault;
using Microsoft.Data.Sqlite;

namespace Custodian.Acceptance.Tests.Vault;

/// <summary>
/// The vault's meter says how each use of a person's state was served — from a copy held in memory or from the store —
/// and names no person. Measurements are taken only from this test's own calls (an async-local mark), so tests running
/// at the same time on other vaults do not count.
/// </summary>
public sealed class VaultMetricsTests : IAsyncLifetime, IDisposable
{
    private const string Portal = "essential.service";
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompiledPolicy Policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "isocket", "policy.yaml"));
    private static readonly AsyncLocal<bool> Counting = new();
    private readonly List<(string Key, object? Value)> _tags = [];
    private readonly Lock _gate = new();
    private MeterListener _listener = null!;
    private TempVault _temp = null!;

    private DataVault Vault => _temp.Vault;

    public async Task InitializeAsync()
    {
        _temp = await TempVault.CreateAsync(Policy, Start);
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == VaultMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (!Counting.Value) return;
            Assert.Equal(VaultMetrics.PersonStateInstrument, instrument.Name);
            Assert.Equal(1, value);
            lock (_gate)
            {
                foreach (var tag in tags) _tags.Add((tag.Key, tag.Value));
            }
        });
        _listener.Start();
    }

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Each_use_of_a_persons_state_is_counted_by_how_it_was_served()
    {
        var id = await CustomerWithEmailAsync();
        var question = new DecisionQuestion("user.contact.email", Portal);
        var server = SecondVault();
        Counting.Value = true;

        await server.DecideAsync(id, [question], null, "test", CancellationToken.None);
        Assert.Equal([PersonStateOutcome.Loaded], Take());

        await server.DecideAsync(id, [question], null, "test", CancellationToken.None);
        Assert.Equal([PersonStateOutcome.Held], Take());

        // The state is held but the records are not: the versions are read with them and the state copy confirmed.
        Assert.Single((await server.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values);
        Assert.Equal([PersonStateOutcome.Confirmed], Take());

        Assert.Single((await server.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values);
        Assert.Equal([PersonStateOutcome.Held], Take());

        // Another writer restricts processing: the answer made on the held copies is not recorded, the person is read again.
        await RestrictFromAnotherConnectionAsync(id);
        var after = await server.ReadAsync(id, Portal, null, null, "test", CancellationToken.None);
        Assert.Empty(after.Values);
        Assert.Equal([PersonStateOutcome.Stale, PersonStateOutcome.Loaded], Take());
    }

    [Fact]
    public async Task A_held_copy_found_out_of_date_by_a_versions_read_is_counted_as_changed()
    {
        var id = await CustomerWithEmailAsync();
        var server = SecondVault();
        await server.DecideAsync(id, [new DecisionQuestion("user.contact.email", Portal)], null, "test", CancellationToken.None);
        Counting.Value = true;

        // The state is held, the records are not, and the state moved since: one read finds both out.
        await RestrictFromAnotherConnectionAsync(id);
        var after = await server.ReadAsync(id, Portal, null, null, "test", CancellationToken.None);

        Assert.Empty(after.Values);
        Assert.Equal([PersonStateOutcome.Changed], Take());
    }

    [Fact]
    public async Task A_read_after_this_vaults_own_correction_or_collection_is_not_counted_stale()
    {
        var id = await CustomerWithEmailAsync();
        var server = SecondVault();
        await server.ReadAsync(id, Portal, null, null, "test", CancellationToken.None);
        Counting.Value = true;

        // Its own write changed the records but not the state: the state copy is confirmed and the records read afresh,
        // with no answer first tried on records it knew were stale.
        await server.RectifyAsync(id, "user.contact.email", "maija.virtanen@example.com", "test", CancellationToken.None);
        Take();
        Assert.Equal("maija.virtanen@example.com", Assert.Single((await server.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values).Value);
        Assert.Equal([PersonStateOutcome.Confirmed], Take());

        await server.CollectAsync(id, Portal, [new CollectValue("user.name", "Maija Virtanen")], "test", CancellationToken.None);
        Take();
        Assert.Equal(2, (await server.ReadAsync(id, Portal, null, null, "test", CancellationToken.None)).Values.Count);
        Assert.Equal([PersonStateOutcome.Confirmed], Take());
    }

    [Fact]
    public async Task No_measurement_names_a_person()
    {
        var id = await CustomerWithEmailAsync();
        Counting.Value = true;

        for (var i = 0; i < 3; i++) await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None);
        await RestrictFromAnotherConnectionAsync(id);
        await Vault.ReadAsync(id, Portal, null, null, "test", CancellationToken.None);

        List<(string Key, object? Value)> tags;
        lock (_gate) tags = [.. _tags];
        Assert.True(tags.Count >= 4);
        Assert.All(tags, tag =>
        {
            Assert.Equal(VaultMetrics.OutcomeTag, tag.Key);
            var value = Assert.IsType<string>(tag.Value);
            Assert.DoesNotContain(id, value, StringComparison.Ordinal);
            Assert.DoesNotContain("maija", value, StringComparison.OrdinalIgnoreCase);
        });
    }

    /// <summary>A customer with an open account and an email collected for the portal, written through the fixture's vault.</summary>
    private async Task<string> CustomerWithEmailAsync()
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(Email: "maija@example.com"), "test", CancellationToken.None);
        await Vault.RecordRelationshipAsync(id, "account", "opened", "test", CancellationToken.None);
        await Vault.CollectAsync(id, Portal, [new CollectValue("user.contact.email", "maija@example.com")], "test", CancellationToken.None);
        return id;
    }

    /// <summary>A second vault on the same store, as a second server would be: it holds no copy of anyone yet.</summary>
    private DataVault SecondVault() => new(Vault.Store, _temp.Keys, Policy, _temp.Clock);

    /// <summary>The outcomes counted since the last call, in order.</summary>
    private List<string> Take()
    {
        lock (_gate)
        {
            var outcomes = _tags.Where(t => t.Key == VaultMetrics.OutcomeTag).Select(t => (string)t.Value!).ToList();
            _tags.Clear();
            return outcomes;
        }
    }

    private async Task RestrictFromAnotherConnectionAsync(string id)
    {
        await using var other = new SqliteConnection($"Data Source={Path.Combine(_temp.Directory, SqliteVaultStoreOptions.DatabaseFileName)}");
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = "INSERT INTO restrictions (subject_id, restricted, at) VALUES ($id, 1, $at)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", Start.UtcTicks);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
