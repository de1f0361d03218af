using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Custodian.Postgres.Tests;

/// <summary>
/// A PostgreSQL cluster for one test or benchmark run: <c>initdb</c> into a temp directory, started with
/// <c>pg_ctl</c> on a free port on 127.0.0.1 (its unix socket inside the temp directory), stopped and
/// deleted when the run ends (the test assembly's <c>PostgresTestFramework</c>, or <c>bench/gdprbench</c>, which
/// compiles this same file). As root it runs as the <c>postgres</c> OS user, since initdb refuses root.
/// A cluster can also be crashed (<see cref="CrashAsync"/>) and started again on the same data directory
/// (<see cref="RestartAsync"/>), which makes the server recover from its write-ahead log as after a real crash.
/// </summary>
public sealed class ThrowawayCluster
{
    private const string ServiceUser = "postgres";

    private readonly string _binDirectory;
    private readonly string _root;
    private readonly bool _asServiceUser;
    private readonly bool _durable;
    private readonly IReadOnlyList<string> _settings;
    private int _stopped;

    private ThrowawayCluster(string binDirectory, string root, bool asServiceUser, bool durable, IReadOnlyList<string> settings, int port)
    {
        _settings = settings;
        _binDirectory = binDirectory;
        _root = root;
        _asServiceUser = asServiceUser;
        _durable = durable;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = ServiceUser,
            Database = "postgres",
            Timeout = 30,
        }.ConnectionString;
    }

    /// <summary>Where to connect.</summary>
    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Creates and starts a fast cluster that trades durability for speed (see the other overload).</summary>
    public static Task<ThrowawayCluster> StartAsync(string binDirectory, CancellationToken cancellationToken) =>
        StartAsync(binDirectory, durable: false, cancellationToken);

    /// <summary>Creates and starts a cluster; <see cref="StopAsync"/> ends it, and process exit does if nothing else did.</summary>
    /// <param name="binDirectory">Where <c>initdb</c> and <c>pg_ctl</c> are.</param>
    /// <param name="durable">
    /// Keep PostgreSQL's own <c>fsync</c>, <c>synchronous_commit</c> and <c>full_page_writes</c>, so a commit the server
    /// acknowledged survives a crash of the server; otherwise they are off for speed, and a crash may lose the last commits.
    /// </param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<ThrowawayCluster> StartAsync(string binDirectory, bool durable, CancellationToken cancellationToken) =>
        StartAsync(binDirectory, durable, [], cancellationToken);

    /// <summary>Creates and starts a cluster with server settings of its own on top, each <c>name=value</c>.</summary>
    /// <param name="binDirectory">Where <c>initdb</c> and <c>pg_ctl</c> are.</param>
    /// <param name="durable">As for <see cref="StartAsync(string, bool, CancellationToken)"/>.</param>
    /// <param name="settings">Server settings such as <c>shared_buffers=1GB</c>, passed as <c>-c</c> options.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ThrowawayCluster> StartAsync(string binDirectory, bool durable, IReadOnlyList<string> settings, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "custodian-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(root, "socket"));
        var asServiceUser = Environment.IsPrivilegedProcess;
        if (asServiceUser)
        {
            await RunAsync("chown", ["-R", ServiceUser + ":", root], cancellationToken);
        }

        var cluster = new ThrowawayCluster(binDirectory, root, asServiceUser, durable, settings, FreePort());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync(wait: false).GetAwaiter().GetResult();
        try
        {
            await cluster.RunToolAsync("initdb", ["-D", cluster.DataDirectory, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"], cancellationToken);
            await cluster.StartServerAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.StopAsync(wait: true);
            throw;
        }
    }

    /// <summary>Stops the server at once (its data is thrown away) and deletes the directory; only the first call acts.</summary>
    /// <param name="wait">Wait for the server to exit; process exit cannot, as the host process may be ended any moment.</param>
    public async Task StopAsync(bool wait)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", wait ? "-w" : "-W", "stop"], CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the directory still goes.
        }
        finally
        {
            try
            {
                if (Directory.Exists(_root))
                {
                    Directory.Delete(_root, recursive: true);
                }
            }
            catch (IOException)
            {
                // The server may still be removing its own files; what is left is under the temp directory.
            }
        }
    }

    /// <summary>
    /// Ends the server as a crash would (<c>pg_ctl stop -m immediate</c>: every server process quits at once, nothing is
    /// checkpointed, open transactions are cut off) and keeps its data directory for <see cref="RestartAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The cluster was stopped for good, or <c>pg_ctl</c> failed.</exception>
    public Task CrashAsync(CancellationToken cancellationToken)
    {
        ThrowIfStopped();
        return RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], cancellationToken);
    }

    /// <summary>Starts the server again on the same data directory and port; returns once crash recovery is done and it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">The cluster was stopped for good, or the server did not start.</exception>
    public Task RestartAsync(CancellationToken cancellationToken)
    {
        ThrowIfStopped();
        return StartServerAsync(cancellationToken);
    }

    private void ThrowIfStopped()
    {
        if (Volatile.Read(ref _stopped) == 1) throw new InvalidOperationException("The cluster was stopped and its directory deleted.");
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var port = new NpgsqlConnectionStringBuilder(ConnectionString).Port.ToString(CultureInfo.InvariantCulture);
        var settings = $"-p {port} -k {Path.Combine(_root, "socket")} -c listen_addresses=127.0.0.1 -c max_connections=200";
        if (!_durable)
        {
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        foreach (var setting in _settings) settings += " -c " + setting;

        await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-o", settings, "-w", "-t", "60", "start"], cancellationToken);
        await WaitUntilReadyAsync(cancellationToken);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_binDirectory, tool);
        return _asServiceUser
            ? RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments], cancellationToken)
            : RunAsync(path, arguments, cancellationToken);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
