using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Custodian.Postgres.Tests;

/// <summary>
/// A real <c>custodian serve</c> process on a PostgreSQL schema, on a free loopback port, with an HTTP client that sends
/// an API key. Disposing stops the process. Its output is kept so a failure to start says why.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process, Uri address, string apiKey)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    /// <summary>A client for this server, authorised with the key given at start.</summary>
    public HttpClient Client { get; }

    /// <summary>The CLI entry assembly, built next to the tests through the project reference.</summary>
    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "Custodian.Cli.dll");

    /// <summary>Starts <c>custodian serve</c> and waits until it answers <c>/healthz</c>.</summary>
    /// <exception cref="InvalidOperationException">The process exited or never answered; the message carries its output.</exception>
    public static async Task<ServeProcess> StartAsync(string policy, string dataDirectory, string connectionString, string schema, string masterKey, string apiKey, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = Cli(["serve", "--policy", policy, "--data", dataDirectory, "--postgres", connectionString, "--postgres-schema", schema, "--urls", $"http://127.0.0.1:{port}"], masterKey);
        var process = new Process { StartInfo = start };
        var server = new ServeProcess(process, new Uri($"http://127.0.0.1:{port}"), apiKey);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a CLI command to its end; returns its exit code and standard output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCliAsync(IReadOnlyList<string> arguments, string masterKey, CancellationToken cancellationToken)
    {
        using var process = Process.Start(Cli(arguments, masterKey))!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Stops the server process.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It never started, or exited between the check and the kill.
        }

        _process.Dispose();
    }

    private static ProcessStartInfo Cli(IReadOnlyList<string> arguments, string masterKey)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CUSTODIAN_MASTER_KEY"] = masterKey;
        start.Environment.Remove("CUSTODIAN_POSTGRES");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return start;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"custodian serve exited with {_process.ExitCode}:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new InvalidOperationException($"custodian serve did not answer /healthz within 90 s:{Environment.NewLine}{Output()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>What the server wrote to stdout and stderr so far.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
