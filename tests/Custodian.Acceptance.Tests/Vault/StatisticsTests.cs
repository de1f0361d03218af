using Custodian.Policy;
using Custodian.Statistics;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests.Vault;

public sealed class StatisticsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 1, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly CompiledPolicy Policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "crsmarthome", "policy.yaml"));
    private TempVault _temp = null!;

    private DataVault Vault => _temp.Vault;

    public async Task InitializeAsync() => _temp = await TempVault.CreateAsync(Policy, Start);

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    private async Task<List<string>> PeopleWithReadingsAsync(int people, Func<int, int> readingsOf, Func<int, string> deviceTypeOf)
    {
        var ids = new List<string>();
        for (var i = 0; i < people; i++)
        {
            var id = await Vault.CreateSubjectAsync(new NewSubject(Email: $"person{i}@example.com"), "test", CancellationToken.None);
            await Vault.RecordRelationshipAsync(id, "account", "opened", "test", CancellationToken.None);
            await Vault.BindDeviceAsync(id, new DeviceBinding($"dev-{i}", deviceTypeOf(i)), "test", CancellationToken.None);
            var readings = Enumerable.Range(0, readingsOf(i)).Select(r => new EventInput("user.telemetry", Start.AddDays(r % 40), (20 + r).ToString(System.Globalization.CultureInfo.InvariantCulture), $"dev-{i}")).ToList();
            await Vault.AppendEventsAsync(id, "essential.service", readings, "test", CancellationToken.None);
            ids.Add(id);
        }

        return ids;
    }

    private static StatisticsRequest Request(int k, double? epsilon = null) => new()
    {
        Purpose = "essential.service",
        Categories = ["user.telemetry"],
        Dimensions = ["device_type", "month"],
        MinimumGroup = k,
        Epsilon = epsilon,
    };

    [Fact]
    public async Task No_released_group_holds_fewer_than_k_people()
    {
        // 12 people with scales, 3 with sockets: the socket groups are below k = 5 and must not be released alone.
        await PeopleWithReadingsAsync(15, i => 10 + i, i => i < 12 ? "smart_scale" : "socket");

        var export = await Vault.ExportStatisticsAsync(Request(5), "test", CancellationToken.None);

        Assert.NotEmpty(export.Rows);
        Assert.All(export.Rows, row => Assert.True(row.People >= 5, $"group {string.Join(",", row.Group)} has {row.People} people"));
        Assert.DoesNotContain(export.Rows, row => row.Group.GetValueOrDefault("device_type") == "socket");
        Assert.True(export.Parameters.GroupsSuppressed > 0);
        Assert.Equal(5, export.Parameters.MinimumGroup);
    }

    [Fact]
    public async Task A_person_erased_before_the_export_is_not_in_it()
    {
        var ids = await PeopleWithReadingsAsync(6, _ => 4, _ => "smart_scale");
        var before = await Vault.ExportStatisticsAsync(Request(2), "test", CancellationToken.None);

        await using (var tx = await Vault.Store.BeginAsync(CancellationToken.None))
        {
            await tx.ShredSubjectAsync(ids[0], Start.AddDays(1), CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }

        var after = await Vault.ExportStatisticsAsync(Request(2), "test", CancellationToken.None);

        Assert.Equal(6, before.Parameters.PeopleIncluded);
        Assert.Equal(5, after.Parameters.PeopleIncluded);
        Assert.Equal(before.Rows.Sum(r => r.Readings) - 4, after.Rows.Sum(r => r.Readings));
    }

    [Fact]
    public async Task Noise_is_stated_and_changes_the_counts_but_not_which_groups_are_released()
    {
        await PeopleWithReadingsAsync(8, _ => 30, _ => "smart_scale");

        var plain = await Vault.ExportStatisticsAsync(Request(3), "test", CancellationToken.None);
        var noised = await Vault.ExportStatisticsAsync(Request(3, epsilon: 0.5), "test", CancellationToken.None);

        Assert.Equal(plain.Rows.Select(r => string.Join(",", r.Group)), noised.Rows.Select(r => string.Join(",", r.Group)));
        Assert.Equal(0.5, noised.Parameters.Epsilon);
        Assert.Equal(1 / 0.25, noised.Parameters.NoiseScales["people"]);
        Assert.NotEqual(plain.Rows.Select(r => r.Readings), noised.Rows.Select(r => r.Readings));
    }
}
