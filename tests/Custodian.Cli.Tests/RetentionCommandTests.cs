using Custodian.Policy;
using Custodian.Scenarios;
using Custodian.Sqlite;
using Custodian.Vault;

namespace Custodian.Cli.Tests;

public sealed class RetentionCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "custodian-cli-ret-" + Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_root, "data");

    private string Keys => Path.Combine(_root, "management");

    private static string Policy => Path.Combine(Repository.Examples, "isocket", "policy.yaml");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    // A customer whose account ended in 2020: by now the account data is due for archiving.
    private async Task FormerCustomerAsync()
    {
        var clock = new VirtualClock(new DateTimeOffset(2020, 1, 10, 0, 0, 0, TimeSpan.Zero));
        await using var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Policy), clock, CancellationToken.None);
        var id = await open.Vault.CreateSubjectAsync(new NewSubject(Email: "kalle@example.fi"), "test", CancellationToken.None);
        await open.Vault.RecordRelationshipAsync(id, "account", "opened", "test", CancellationToken.None);
        await open.Vault.CollectAsync(id, "essential.service", [new CollectValue("user.name", "Kalle Virtanen")], "test", CancellationToken.None);
        clock.MoveTo(new DateTimeOffset(2020, 6, 30, 0, 0, 0, TimeSpan.Zero));
        await open.Vault.RecordRelationshipAsync(id, "account", "ended", "test", CancellationToken.None);
    }

    [Fact]
    public async Task Retention_run_archives_to_the_management_key_and_only_its_private_key_opens_the_archive()
    {
        await FormerCustomerAsync();

        var withoutKey = await CliRun.RunAsync("retention", "run", "--policy", Policy, "--data", Data);
        var pair = await CliRun.RunAsync("keys", "archive-keypair", "--out", Keys);
        File.Copy(Path.Combine(Keys, "archive-public.pem"), Path.Combine(Data, "archive-public.pem"));
        var run = await CliRun.RunAsync("retention", "run", "--policy", Policy, "--data", Data);
        var opened = await CliRun.RunAsync("archive", "open", "--private-key", Path.Combine(Keys, "archive-private.pem"), "--data", Data);

        Assert.Equal(ExitCodes.Failed, withoutKey.ExitCode);
        Assert.Contains("no archive public key", withoutKey.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, pair.ExitCode);
        Assert.Contains("move", pair.Error, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Keys, "archive-private.pem")));
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("archived", run.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, opened.ExitCode);
        Assert.Contains("Kalle Virtanen", opened.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_date_is_refused_without_dry_run()
    {
        await FormerCustomerAsync();

        var result = await CliRun.RunAsync("retention", "run", "--policy", Policy, "--data", Data, "--at", "2999-01-01");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("--dry-run", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forecast_prints_a_table_of_months_and_categories()
    {
        await FormerCustomerAsync();

        var result = await CliRun.RunAsync("retention", "forecast", "--policy", Policy, "--data", Data, "--at", "2021-01-01", "--months", "24");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("2022-06  user.name", result.Out, StringComparison.Ordinal);
    }
}
