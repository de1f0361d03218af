using System.Net;
using System.Net.Sockets;

namespace Custodian.Cli.Tests;

/// <summary>
/// A wrong <c>--postgres</c> is one clear line and exit code 2 before anything starts, never a stack trace, and the
/// connection string (which may hold a password) is never echoed. No PostgreSQL is needed: nothing listens on the port.
/// </summary>
public sealed class PostgresConnectionTests
{
    private const string Password = "pw-never-echoed-7731";

    private static string Policy => Path.Combine(Repository.Examples, "cekura", "policy.yaml");

    [Fact]
    public async Task Serve_against_a_port_where_nothing_listens_names_the_address_and_the_fix_and_exits_2()
    {
        var port = ClosedPort();
        var (exit, output, error) = await CliRun.RunAsync(
            "serve", "--policy", Policy, "--data", Path.Combine(Path.GetTempPath(), "custodian-unused-" + Guid.NewGuid().ToString("N")),
            "--postgres", $"Host=127.0.0.1;Port={port};Database=custodian;Username=custodian;Password={Password};Timeout=5");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains($"error: cannot reach PostgreSQL: Failed to connect to 127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("--postgres or CUSTODIAN_POSTGRES", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("is serving", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_connection_string_that_does_not_parse_shows_the_expected_form_without_echoing_it()
    {
        var (exit, output, error) = await CliRun.RunAsync(
            "serve", "--policy", Policy, "--postgres", $"Hots=db;Password={Password}");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("error: --postgres is not a valid connection string; use the form \"Host=db;Database=custodian;Username=custodian\"", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Hots", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_against_a_port_where_nothing_listens_says_so_in_one_line()
    {
        var port = ClosedPort();
        var data = Directory.CreateTempSubdirectory("custodian-cli-pg-").FullName;
        try
        {
            var keyFile = Path.Combine(data, "master.key");
            await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(new byte[32]) + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var (exit, output, error) = await CliRun.RunAsync(
                "audit", "verify", "--data", data, "--postgres", $"Host=127.0.0.1;Port={port};Database=custodian;Password={Password};Timeout=5");

            Assert.NotEqual(ExitCodes.Ok, exit);
            Assert.Contains($"error: cannot reach PostgreSQL: Failed to connect to 127.0.0.1:{port}", error, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, output + error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>A loopback port that was free a moment ago and that nothing listens on now.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
