using Custodian.Policy;
using Custodian.Sqlite;

namespace Custodian.Cli.Tests;

/// <summary>Settings given in the environment: what commands make of them, and the words they use when refusing them.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentSettingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("custodian-cli-env-").FullName;
    private readonly List<string> _variables = [];

    private string Data => Path.Combine(_root, "data");

    private static string Cekura => Path.Combine(Repository.Examples, "cekura", "policy.yaml");

    public void Dispose()
    {
        foreach (var name in _variables) Environment.SetEnvironmentVariable(name, null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private void Set(string name, string value)
    {
        _variables.Add(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    [Fact]
    public async Task Outbox_send_refuses_a_login_without_tls_in_words_without_a_parameter_name()
    {
        await using (await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Cekura), TimeProvider.System, CancellationToken.None))
        {
        }

        Set("Custodian__Smtp__User", "custodian");

        var (exit, output, error) = await CliRun.RunAsync("outbox", "send", "--data", Data, "--smtp-host", "127.0.0.1", "--no-tls");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("error: SMTP credentials are sent only over TLS: turn STARTTLS on (Custodian:Smtp:Tls=true) or remove the user.", error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public async Task Serve_takes_a_setting_from_the_environment_when_its_flag_is_not_given()
    {
        Set("Custodian__RateLimitPerSecond", "0");

        var (exit, _, error) = await CliRun.RunAsync("serve", "--policy", Cekura, "--data", Data, "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("error: Custodian:RateLimitPerSecond 0 would refuse every request", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Serve_flag_wins_over_the_environment()
    {
        // The rate limit from the flag passes, so the refusal is the next check's: the data path is a file.
        Set("Custodian__RateLimitPerSecond", "0");
        var file = Path.Combine(_root, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        var (exit, _, error) = await CliRun.RunAsync("serve", "--policy", Cekura, "--data", file, "--urls", "http://127.0.0.1:0", "--rate-limit", "5");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.DoesNotContain("would refuse every request", error, StringComparison.Ordinal);
        Assert.Contains($"error: the data directory '{file}' is a file, not a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_takes_the_policy_and_data_directory_from_the_environment()
    {
        var file = Path.Combine(_root, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        Set("Custodian__Policy", Cekura);
        Set("Custodian__Data", file);

        var (exit, _, error) = await CliRun.RunAsync("serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains($"{Cekura}: ok", error, StringComparison.Ordinal);
        Assert.Contains($"error: the data directory '{file}' is a file, not a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_data_flag_wins_over_the_environment()
    {
        var file = Path.Combine(_root, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        Set("Custodian__Data", Data);

        var (exit, _, error) = await CliRun.RunAsync("serve", "--policy", Cekura, "--data", file, "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains($"error: the data directory '{file}' is a file, not a folder", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Serve_takes_a_setting_given_as_an_argument_over_the_environment()
    {
        Set("Custodian__RateLimitPerSecond", "100");

        var (exit, _, error) = await CliRun.RunAsync("serve", "--policy", Cekura, "--data", Data, "--urls", "http://127.0.0.1:0", "--Custodian:RateLimitPerSecond=0");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("error: Custodian:RateLimitPerSecond 0 would refuse every request", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Serve_refuses_a_trusted_proxy_that_is_no_address_before_anything_is_changed()
    {
        Set("Custodian__TrustedProxies", "10.0.0.5, proxy.internal");

        var (exit, _, error) = await CliRun.RunAsync("serve", "--policy", Cekura, "--data", Data, "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("error: Custodian:TrustedProxies: 'proxy.internal' is neither an IP address", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Serve_refuses_an_argument_that_is_neither_its_option_nor_a_setting()
    {
        var (exit, _, error) = await CliRun.RunAsync("serve", "--policy", Cekura, "--data", Data, "--polcy", "x");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("error: '--polcy' is not an option of serve; see 'custodian serve --help'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Serve_without_a_policy_says_where_to_give_it()
    {
        var (exit, _, error) = await CliRun.RunAsync("serve", "--data", Data);

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("error: no policy file; give it with --policy FILE or the setting Custodian:Policy", error, StringComparison.Ordinal);
    }
}
