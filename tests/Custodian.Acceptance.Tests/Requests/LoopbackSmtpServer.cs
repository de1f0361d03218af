using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Custodian.Acceptance.Tests.Requests;

/// <summary>A tiny SMTP server on loopback that accepts messages and records them; can refuse the first recipients with 451.</summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _refusals;

    public LoopbackSmtpServer(int refuseFirst = 0)
    {
        _refusals = refuseFirst;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<(string From, string To, string Data)> Messages { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 loopback ESMTP");
            string from = "", to = "";
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("EHLO", StringComparison.Ordinal)) await writer.WriteAsync("250-loopback\r\n250 8BITMIME\r\n");
                else if (line.StartsWith("MAIL FROM:", StringComparison.Ordinal)) { from = line[10..].Trim('<', '>'); await writer.WriteLineAsync("250 ok"); }
                else if (line.StartsWith("RCPT TO:", StringComparison.Ordinal))
                {
                    to = line[8..].Trim('<', '>');
                    if (_refusals-- > 0) await writer.WriteLineAsync("451 try again later");
                    else await writer.WriteLineAsync("250 ok");
                }
                else if (line == "DATA")
                {
                    await writer.WriteLineAsync("354 go ahead");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".") data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append('\n');
                    lock (Messages) Messages.Add((from, to, data.ToString()));
                    await writer.WriteLineAsync("250 queued");
                }
                else if (line == "QUIT") { await writer.WriteLineAsync("221 bye"); break; }
                else await writer.WriteLineAsync("250 ok");
            }
        }
    }
}
