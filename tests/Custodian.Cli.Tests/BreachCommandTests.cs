using Custodian.Policy;
using Custodian.Scenarios;
using Custodian.Sqlite;
using Custodian.Vault;

namespace Custodian.Cli.Tests;

public sealed class BreachCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "custodian-cli-brc-" + Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_root, "data");

    private static string Policy => Path.Combine(Repository.Examples, "isocket", "policy.yaml");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    // Two customers who ordered in 2024, with an email address on file.
    private async Task CustomersAsync()
    {
        var clock = new VirtualClock(new DateTimeOffset(2024, 9, 2, 0, 0, 0, TimeSpan.Zero));
        await using var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Policy), clock, CancellationToken.None);
        foreach (var name in new[] { "aino", "mikko" })
        {
            var id = await open.Vault.CreateSubjectAsync(new NewSubject(Email: $"{name}@example.fi"), "test", CancellationToken.None);
            await open.Vault.RecordRelationshipAsync(id, "order", "opened", "test", CancellationToken.None);
            await open.Vault.CollectAsync(id, "essential.service.orders", [new CollectValue("user.name", name), new CollectValue("user.contact.email", $"{name}@example.fi"), new CollectValue("user.contact.address", "Asemakatu 3")], "test", CancellationToken.None);
        }
    }

    private async Task<int> OutboxCountAsync()
    {
        await using var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Policy), TimeProvider.System, CancellationToken.None);
        return (await open.Vault.Store.GetMessagesAsync(null, CancellationToken.None)).Count;
    }

    private async Task<string> RecordAsync()
    {
        var recorded = await CliRun.RunAsync("breach", "record", "--policy", Policy, "--data", Data, "--from", "2024-09-01T00:00Z", "--until", "2024-09-15", "--description", "An export of order addresses was left readable.", "--category", "user.contact.address");
        Assert.True(recorded.ExitCode == ExitCodes.Ok, recorded.Error);
        return recorded.Out.Split('\t')[0].Trim();
    }

    private static void AssertOneLineWithoutStackTrace(string error)
    {
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => !line.StartsWith("warning:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--from", "notadate")]
    [InlineData("--until", "30/11/2026 14:00")]
    public async Task A_date_that_does_not_parse_is_one_line_naming_the_option_and_the_format(string option, string value)
    {
        var args = new List<string> { "breach", "record", "--policy", Policy, "--data", Data, "--from", "2024-09-01", "--description", "Lost laptop.", "--category", "user.contact.address" };
        if (option == "--from") args[args.IndexOf("2024-09-01")] = value;
        else args.AddRange([option, value]);

        var result = await CliRun.RunAsync([.. args]);

        Assert.Equal(ExitCodes.Unreadable, result.ExitCode);
        Assert.Contains($"{option} is not a date", result.Error, StringComparison.Ordinal);
        Assert.Contains("ISO 8601", result.Error, StringComparison.Ordinal);
        Assert.Contains("2026-11-30T14:00Z", result.Error, StringComparison.Ordinal);
        AssertOneLineWithoutStackTrace(result.Error);
        Assert.False(Directory.Exists(Data));
    }

    [Theory]
    [InlineData("2024-09-15", "2024-09-01", "before its start")]
    [InlineData("2999-01-01", null, "is in the future")]
    public async Task Impossible_dates_are_refused_with_the_fix_and_nothing_is_recorded(string from, string? until, string expected)
    {
        await CustomersAsync();
        var args = new List<string> { "breach", "record", "--policy", Policy, "--data", Data, "--from", from, "--description", "Lost laptop.", "--category", "user.contact.address" };
        if (until is not null) args.AddRange(["--until", until]);

        var result = await CliRun.RunAsync([.. args]);
        var list = await CliRun.RunAsync("breach", "list", "--policy", Policy, "--data", Data);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        AssertOneLineWithoutStackTrace(result.Error);
        Assert.Equal("", list.Out);
    }

    [Fact]
    public async Task Notifying_twice_is_refused_unless_resend_is_given()
    {
        await CustomersAsync();
        var id = await RecordAsync();

        var first = await CliRun.RunAsync("breach", "notify", "--policy", Policy, "--data", Data, id);
        var queued = await OutboxCountAsync();
        var second = await CliRun.RunAsync("breach", "notify", "--policy", Policy, "--data", Data, id);
        var afterRefusal = await OutboxCountAsync();
        var resent = await CliRun.RunAsync("breach", "notify", "--policy", Policy, "--data", Data, id, "--resend");

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains("2 notice(s) queued to 2 affected people", first.Out, StringComparison.Ordinal);
        Assert.Equal(2, queued);
        Assert.Equal(ExitCodes.Failed, second.ExitCode);
        Assert.Contains("already_notified", second.Error, StringComparison.Ordinal);
        Assert.Contains("already notified on", second.Error, StringComparison.Ordinal);
        Assert.Contains("2 people", second.Error, StringComparison.Ordinal);
        Assert.Contains("--resend", second.Error, StringComparison.Ordinal);
        AssertOneLineWithoutStackTrace(second.Error);
        Assert.Equal(queued, afterRefusal);
        Assert.Equal(ExitCodes.Ok, resent.ExitCode);
        Assert.Contains("2 notice(s) queued again", resent.Out, StringComparison.Ordinal);
        Assert.Equal(4, await OutboxCountAsync());
    }
}
