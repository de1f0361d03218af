using System.Net;
using System.Net.Sockets;

namespace Custodian.Cli.Tests;

/// <summary>What <c>custodian serve</c> cannot start with is one line naming the problem and the fix, and exit code 2.</summary>
public sealed class ServeStartTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("custodian-cli-serve-").FullName;

    private static string Policy => Path.Combine(Repository.Examples, "cekura", "policy.yaml");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_data_path_that_is_a_file_is_named_with_the_fix()
    {
        var file = Path.Combine(_root, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        var (exit, output, error) = await CliRun.RunAsync("serve", "--policy", Policy, "--data", file, "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains($"error: the data directory '{file}' is a file, not a folder", error, StringComparison.Ordinal);
        Assert.Contains("pass the data directory (a folder, created if missing) with --data", error, StringComparison.Ordinal);
        Assert.DoesNotContain("already exists", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_master_key_file_that_is_not_a_key_is_named_and_left_as_it_was()
    {
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(data);
        var keyFile = Path.Combine(data, "master.key");
        await File.WriteAllTextAsync(keyFile, "not a key\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (exit, output, error) = await CliRun.RunAsync("serve", "--policy", Policy, "--data", data, "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("error: The key file", error, StringComparison.Ordinal);
        Assert.Contains("must hold base64 of exactly 32 bytes", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Equal("not a key\n", await File.ReadAllTextAsync(keyFile));
    }

    [Fact]
    public async Task An_address_in_use_is_named_with_the_fix()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exit, _, error) = await CliRun.RunAsync("serve", "--policy", Policy, "--data", Path.Combine(_root, "data"), "--urls", url);

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains($"error: {url} is already in use (another server, or an earlier one still running); stop it or pass a free address with --urls", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "data")), "serve created its data directory although it could not listen");
    }
}
