using System.Net;
using System.Net.Sockets;

namespace Custodian.Cli.Tests;

/// <summary><c>custodian demo</c> run a second time while the first still runs: refused, and the first one's directory kept.</summary>
public sealed class DemoStartTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("custodian-cli-demo-").FullName;

    private string Demo => Path.Combine(_root, "custodian-demo");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_taken_address_is_refused_before_the_demo_directory_is_touched()
    {
        var sentinel = DemoDirectoryWithData();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exit, _, error) = await CliRun.RunAsync("demo", "--data", Demo, "--urls", url);

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains($"error: {url} is already in use", error, StringComparison.Ordinal);
        Assert.True(File.Exists(sentinel), "the demo directory was changed although the demo could not run");
    }

    [Fact]
    public async Task A_demo_directory_in_use_by_a_running_demo_is_refused_and_kept()
    {
        var sentinel = DemoDirectoryWithData();
        await using (new FileStream(Path.Combine(Demo, ".custodian-demo.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var (exit, _, error) = await CliRun.RunAsync("demo", "--data", Demo, "--urls", "http://127.0.0.1:0");

            Assert.Equal(ExitCodes.Failed, exit);
            Assert.Contains($"error: a demo is running on '{Demo}'; stop it, or choose another folder with --data", error, StringComparison.Ordinal);
            Assert.True(File.Exists(sentinel), "a running demo's directory was deleted");
        }
    }

    // A directory as a demo leaves it, with a file standing for its data.
    private string DemoDirectoryWithData()
    {
        Directory.CreateDirectory(Demo);
        File.WriteAllText(Path.Combine(Demo, ".custodian-demo"), "This directory is recreated by 'custodian demo'.\n");
        var sentinel = Path.Combine(Demo, "custodian.db");
        File.WriteAllText(sentinel, "stands for the running demo's data");
        return sentinel;
    }
}
