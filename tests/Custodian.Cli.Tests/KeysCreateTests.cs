using Custodian.Policy;
using Custodian.Scenarios;
using Custodian.Sqlite;

namespace Custodian.Cli.Tests;

/// <summary>
/// <c>keys create</c> binds a service key only to purposes the policy in force defines: the policy file given with
/// <c>--policy</c>, or the version in force in the store of <c>--data</c>. An unknown purpose is refused with the
/// nearest defined one and the list of defined purposes, and no key is written.
/// </summary>
public sealed class KeysCreateTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("custodian-cli-keys-").FullName;

    private string Data => Path.Combine(_root, "data");

    private string KeyFile => Path.Combine(Data, "api-keys.json");

    private static string Cekura => Path.Combine(Repository.Examples, "cekura", "policy.yaml");

    private static string Cekura2025 => Path.Combine(Repository.Examples, "cekura", "versions", "policy-2025.yaml");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_service_key_for_purposes_the_policy_defines_is_created()
    {
        var (exit, output, error) = await CliRun.RunAsync("keys", "create", "--data", Data, "--name", "web", "--scope", "service",
            "--policy", Cekura, "--purpose", "essential.service", "--purpose", "marketing.communications.email");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.StartsWith("cus_", output, StringComparison.Ordinal);
        var list = await CliRun.RunAsync("keys", "list", "--data", Data);
        Assert.Contains("purposes=essential.service,marketing.communications.email", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_purpose_is_refused_with_the_nearest_and_the_defined_purposes()
    {
        var (exit, output, error) = await CliRun.RunAsync("keys", "create", "--data", Data, "--name", "web", "--scope", "service",
            "--policy", Cekura, "--purpose", "essential.service", "--purpose", "marketing.comunications.email");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Empty(output);
        Assert.Contains($"error: --purpose 'marketing.comunications.email' is not a purpose {Cekura} defines; did you mean 'marketing.communications.email'?", error, StringComparison.Ordinal);
        Assert.Contains("Defined purposes: essential.service, essential.service.operations.support,", error, StringComparison.Ordinal);
        Assert.Contains("analytics.reporting", error, StringComparison.Ordinal);
        Assert.DoesNotContain("'essential.service' is not", error, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public async Task A_purpose_nothing_is_near_is_refused_with_the_defined_purposes_only()
    {
        var (exit, _, error) = await CliRun.RunAsync("keys", "create", "--data", Data, "--name", "web", "--scope", "service",
            "--policy", Cekura, "--purpose", "telepathy");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains($"error: --purpose 'telepathy' is not a purpose {Cekura} defines. Defined purposes: essential.service,", error, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", error, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public async Task A_service_key_without_the_policy_is_refused_and_asks_for_it()
    {
        var (exit, output, error) = await CliRun.RunAsync("keys", "create", "--data", Data, "--name", "web", "--scope", "service", "--purpose", "essential.service");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Empty(output);
        Assert.Contains("give the policy in force with --policy FILE", error, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public async Task Admin_and_auditor_keys_need_no_policy()
    {
        var admin = await CliRun.RunAsync("keys", "create", "--data", Data, "--name", "desk", "--scope", "admin");
        var auditor = await CliRun.RunAsync("keys", "create", "--data", Data, "--name", "audit", "--scope", "auditor");

        Assert.True(admin.ExitCode == ExitCodes.Ok, admin.Error);
        Assert.True(auditor.ExitCode == ExitCodes.Ok, auditor.Error);
    }

    [Fact]
    public async Task With_a_store_the_version_published_since_is_the_policy_checked()
    {
        // policy-2025.yaml adds marketing.communications.sms; published two months ago, it is in force today.
        var past = DateTimeOffset.UtcNow.AddDays(-60);
        await using (var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Cekura), new VirtualClock(past), CancellationToken.None))
        {
            await open.Vault.PublishPolicyAsync(await File.ReadAllTextAsync(Cekura2025), Cekura2025, DateOnly.FromDateTime(past.AddDays(40).UtcDateTime), "test", CancellationToken.None);
        }

        var inStore = await CliRun.RunAsync("keys", "create", "--data", Data, "--name", "sms", "--scope", "service",
            "--policy", Cekura, "--purpose", "marketing.communications.sms");
        var fileOnly = await CliRun.RunAsync("keys", "create", "--data", Path.Combine(_root, "no-store"), "--name", "sms", "--scope", "service",
            "--policy", Cekura, "--purpose", "marketing.communications.sms");
        var unknown = await CliRun.RunAsync("keys", "create", "--data", Data, "--name", "sms", "--scope", "service",
            "--policy", Cekura, "--purpose", "marketing.communications.smss");

        Assert.True(inStore.ExitCode == ExitCodes.Ok, inStore.Error);
        Assert.Equal(ExitCodes.Failed, fileOnly.ExitCode);
        Assert.Equal(ExitCodes.Failed, unknown.ExitCode);
        Assert.Contains($"is not a purpose the policy in force in '{Data}' defines; did you mean 'marketing.communications.sms'?", unknown.Error, StringComparison.Ordinal);
    }
}
