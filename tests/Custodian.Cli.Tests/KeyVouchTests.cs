using Custodian.Server.Auth;

namespace Custodian.Cli.Tests;

/// <summary>
/// Only a service key created with <c>--vouch</c> may file data-subject requests verified at once; the flag is kept in
/// the key file, shown by <c>keys list</c>, and refused for other scopes without writing a key.
/// </summary>
public sealed class KeyVouchTests : IDisposable
{
    private static string Cekura => Path.Combine(Repository.Examples, "cekura", "policy.yaml");

    private readonly string _data = Directory.CreateTempSubdirectory("custodian-cli-vouch-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task A_service_key_vouches_only_when_created_with_vouch()
    {
        var vouching = await CliRun.RunAsync("keys", "create", "--data", _data, "--name", "account-app", "--scope", "service", "--purpose", "essential.service", "--policy", Cekura, "--vouch");
        var plain = await CliRun.RunAsync("keys", "create", "--data", _data, "--name", "web-shop", "--scope", "service", "--purpose", "essential.service", "--policy", Cekura);
        var list = await CliRun.RunAsync("keys", "list", "--data", _data);

        Assert.Equal(ExitCodes.Ok, vouching.ExitCode);
        Assert.Equal(ExitCodes.Ok, plain.ExitCode);
        var keys = new ApiKeyStore(_data);
        Assert.True(keys.Authenticate(vouching.Out.Trim())!.Vouches);
        Assert.False(keys.Authenticate(plain.Out.Trim())!.Vouches);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(" vouches", Assert.Single(lines, l => l.Contains("account-app", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("vouches", Assert.Single(lines, l => l.Contains("web-shop", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vouch_on_an_admin_key_is_refused_and_writes_no_key()
    {
        var refused = await CliRun.RunAsync("keys", "create", "--data", _data, "--name", "desk", "--scope", "admin", "--vouch");

        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Empty(refused.Out);
        Assert.Contains("Only a service key vouches", refused.Error, StringComparison.Ordinal);
        Assert.Empty(new ApiKeyStore(_data).List());
    }
}
