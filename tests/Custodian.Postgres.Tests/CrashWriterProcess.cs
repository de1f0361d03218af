using System.Diagnostics;
using System.Globalization;
using System.Text;
using Custodian.Crypto;
using Npgsql;

namespace Custodian.Postgres.Tests;

/// <summary>
/// A real <c>Custodian.CrashWriter</c> process writing batches to a PostgreSQL schema (batch n is audit entry n; see
/// its <c>Program.cs</c>), and what it has reported: each <c>committed n</c> line is a commit the server acknowledged.
/// Disposing kills it if it still runs.
/// </summary>
public sealed class CrashWriterProcess : IDisposable
{
    private const string Committed = "committed ";
    private const string Holding = "holding ";

    private readonly Process _process;
    private readonly string _connectionString;
    private readonly StringBuilder _errors = new();

    private CrashWriterProcess(Process process, string connectionString)
    {
        _process = process;
        _connectionString = connectionString;
    }

    /// <summary>The last batch the writer reported committed, 0 before the first.</summary>
    public long LastCommitted { get; private set; }

    /// <summary>Starts the writer; it carries on after the last batch the schema holds.</summary>
    /// <param name="connectionString">The server.</param>
    /// <param name="schema">The vault's schema, created on first use.</param>
    /// <param name="masterKey">The base64 master key.</param>
    /// <param name="eventsPerBatch">Events in each batch.</param>
    /// <param name="batchesBeforeHold">When set, the writer commits this many batches, then leaves the next one half sent and waits.</param>
    public static CrashWriterProcess Start(string connectionString, string schema, string masterKey, int eventsPerBatch, int? batchesBeforeHold)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The writer runs on this assembly's dependency graph: here the ASP.NET Core framework (through the CLI) supplies
        // the logging abstractions Npgsql needs, so the package's copy the writer's own files name is not in this directory.
        var tests = Path.Combine(AppContext.BaseDirectory, typeof(CrashWriterProcess).Assembly.GetName().Name!);
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(tests + ".runtimeconfig.json");
        start.ArgumentList.Add("--depsfile");
        start.ArgumentList.Add(tests + ".deps.json");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Custodian.CrashWriter.dll"));
        // Named, so that the server's own view of its connections tells when it has let go of a killed writer.
        var named = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "crash-writer-" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString;
        start.ArgumentList.Add("--postgres");
        start.ArgumentList.Add(named);
        start.ArgumentList.Add(schema);
        start.ArgumentList.Add(eventsPerBatch.ToString(CultureInfo.InvariantCulture));
        if (batchesBeforeHold is { } hold)
        {
            start.ArgumentList.Add(hold.ToString(CultureInfo.InvariantCulture));
        }

        start.Environment[MasterKeyProvider.EnvironmentVariable] = masterKey;
        var process = new Process { StartInfo = start };
        var writer = new CrashWriterProcess(process, named);
        process.ErrorDataReceived += (_, e) => writer.AppendError(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        return writer;
    }

    /// <summary>Reads the writer's reports until it has committed <paramref name="count"/> batches in this run.</summary>
    /// <exception cref="InvalidOperationException">The writer exited first, or held a batch.</exception>
    public async Task WaitForCommitsAsync(int count, CancellationToken cancellationToken)
    {
        for (var seen = 0; seen < count;)
        {
            var (held, _) = await ReadReportAsync(cancellationToken);
            if (held)
            {
                throw new InvalidOperationException("The writer held a batch before committing " + count + ".");
            }

            seen++;
        }
    }

    /// <summary>Reads the writer's reports until it holds a batch half sent; returns that batch.</summary>
    /// <exception cref="InvalidOperationException">The writer exited first.</exception>
    public async Task<long> WaitUntilHoldingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (held, batch) = await ReadReportAsync(cancellationToken);
            if (held)
            {
                return batch;
            }
        }
    }

    /// <summary>
    /// Kills the writer (if the crash of its server has not ended it already) and reads what it reported up to then:
    /// a commit acknowledged an instant before the end counts too. Returns <see cref="LastCommitted"/>.
    /// </summary>
    public async Task<long> KillAsync()
    {
        Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
        while (await _process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
        {
            Parse(line);
        }

        return LastCommitted;
    }

    /// <summary>
    /// Waits until the server has closed every connection of the killed writer: by then each of its transactions is
    /// committed (a commit sent just before the kill) or rolled back, and what is left will not change.
    /// </summary>
    /// <exception cref="TimeoutException">The server still holds a connection after 30 seconds.</exception>
    public async Task WaitUntilServerLetsGoAsync(CancellationToken cancellationToken)
    {
        var applicationName = new NpgsqlConnectionStringBuilder(_connectionString).ApplicationName;
        var watch = new NpgsqlConnectionStringBuilder(_connectionString) { ApplicationName = "crash-watch", Pooling = false }.ConnectionString;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using (var connection = new NpgsqlConnection(watch))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = $1", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = applicationName });
                if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
                {
                    return;
                }
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The server still holds a connection of the killed writer.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private async Task<(bool Held, long Batch)> ReadReportAsync(CancellationToken cancellationToken)
    {
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            await _process.WaitForExitAsync(cancellationToken);
            throw new InvalidOperationException($"The writer exited early with {_process.ExitCode}:{Environment.NewLine}{Errors()}");
        }

        return Parse(line);
    }

    private (bool Held, long Batch) Parse(string line)
    {
        if (line.StartsWith(Holding, StringComparison.Ordinal))
        {
            return (true, long.Parse(line.AsSpan(Holding.Length), CultureInfo.InvariantCulture));
        }

        if (!line.StartsWith(Committed, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The writer printed an unexpected line: " + line);
        }

        var batch = long.Parse(line.AsSpan(Committed.Length), CultureInfo.InvariantCulture);
        if (batch != LastCommitted + 1 && LastCommitted != 0)
        {
            throw new InvalidOperationException($"The writer reported batch {batch} after {LastCommitted}.");
        }

        LastCommitted = batch;
        return (false, batch);
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
    }

    private void AppendError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_errors)
        {
            _errors.AppendLine(line);
        }
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }
}
