using System.Text.RegularExpressions;

namespace Custodian.Server.Tests;

/// <summary>The real <c>custodian demo</c> process on a free loopback port, with the URL and keys it printed.</summary>
public sealed partial class DemoServer : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "custodian-demo-" + Guid.NewGuid().ToString("N"));
    private CliProcess? _process;

    public string Url { get; private set; } = "";

    public string AdminKey { get; private set; } = "";

    public string ServiceKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var url = $"http://127.0.0.1:{CliProcess.FreePort()}";
        _process = CliProcess.Start("demo", "--data", _data, "--urls", url);
        await _process.WaitUntilReadyAsync(url);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!_process.Output.Contains("Ctrl+C stops the server.", StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Url = url;
        AdminKey = AdminLine().Match(_process.Output).Groups[1].Value;
        ServiceKey = ServiceLine().Match(_process.Output).Groups[1].Value;
        if (AdminKey.Length == 0 || ServiceKey.Length == 0) throw new InvalidOperationException("The demo printed no keys:\n" + _process.Output);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.TerminateAsync();
            await _process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    [GeneratedRegex(@"admin key:\s+(cus_\S+)")]
    private static partial Regex AdminLine();

    [GeneratedRegex(@"service key:\s+(cus_\S+)")]
    private static partial Regex ServiceLine();
}
