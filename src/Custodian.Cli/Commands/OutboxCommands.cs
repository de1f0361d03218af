using System.CommandLine;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Notifications;
using Custodian.Policy;
using Custodian.Server;
using Custodian.Sqlite;
using Microsoft.Data.Sqlite;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian outbox send</c>: sends every due message once, for deployments that run no server or want to flush now.</summary>
internal static class OutboxCommands
{
    public static Command Build(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "The data directory the server uses.", DefaultValueFactory = _ => "custodian-data" };
        var policy = new Option<string?>("--policy") { Description = "The policy file; its rights contact (rights.email), else its controller email, is the default sender." };
        var from = new Option<string?>("--from") { Description = "The sender address (default: the policy's rights.email, else its controller email, else privacy@localhost)." };
        var host = new Option<string?>("--smtp-host") { Description = "The SMTP relay; without it messages are written as .eml files under DATA/outbox/." };
        var port = new Option<int>("--smtp-port") { Description = "The relay's port.", DefaultValueFactory = _ => 587 };
        var noTls = new Option<bool>("--no-tls") { Description = "Do not upgrade with STARTTLS (a local relay only; no login is sent then)." };
        var send = new Command("send", """
            Send every message that is due (verification codes, receipts, extension notices, answers) once, then exit.
            A failed message is retried later with back-off. The login for the relay comes only from the environment:
            Custodian__Smtp__User and Custodian__Smtp__Password.

            Examples:
              custodian outbox send --data ./custodian-data
              Custodian__Smtp__User=custodian Custodian__Smtp__Password=… custodian outbox send --data ./custodian-data --smtp-host smtp.example.com --from privacy@example.com
            """)
        {
            data, policy, from, host, port, noTls,
        };
        send.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetValue(data)!;
            if (!File.Exists(Path.Combine(directory, SqliteVaultStoreOptions.DatabaseFileName)))
            {
                console.Error.WriteLine($"error: '{directory}' is not a Custodian data directory (no {SqliteVaultStoreOptions.DatabaseFileName}); pass the --data the server uses");
                return ExitCodes.Unreadable;
            }

            if (StoreFile.Problem(directory) is { } storeError)
            {
                console.Error.WriteLine($"error: {storeError}");
                return ExitCodes.Unreadable;
            }

            if (parse.GetValue(port) is var portNumber and (< 1 or > 65535))
            {
                console.Error.WriteLine($"error: --smtp-port {portNumber} is not a port; give the relay's port from 1 to 65535 (587 for submission with STARTTLS, 25 for a local relay)");
                return ExitCodes.Unreadable;
            }

            Custodian.Policy.PolicyDocument? document = null;
            if (parse.GetValue(policy) is { } file)
            {
                var compiled = PolicyLoading.Compile(console, file, out var policyExit);
                if (compiled is null) return policyExit;
                document = compiled.Document;
            }

            var smtp = new SmtpOptions
            {
                Host = parse.GetValue(host),
                Port = parse.GetValue(port),
                Tls = !parse.GetValue(noTls),
                From = parse.GetValue(from),
                User = Environment.GetEnvironmentVariable("Custodian__Smtp__User"),
                Password = Environment.GetEnvironmentVariable("Custodian__Smtp__Password"),
            };
            IMessageTransport transport;
            try
            {
                transport = smtp.CreateTransport(directory, TimeProvider.System);
            }
            catch (ArgumentException e)
            {
                console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failed;
            }

            MasterKey master;
            try
            {
                master = SqliteVaultFactory.LoadMasterKey(directory);
            }
            catch (MasterKeyException e)
            {
                console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Unreadable;
            }

            using var _ = master;
            using var keys = new KeyRing(master);
            SqliteVaultStore store;
            try
            {
                store = await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = directory, CheckpointSigner = new AuditCheckpointSigner(keys.AuditKey) }, ct);
            }
            catch (SqliteException e)
            {
                console.Error.WriteLine($"error: {StoreFile.Unreadable(directory, e)}");
                return ExitCodes.Unreadable;
            }

            await using var __ = store;
            var dispatcher = new OutboxDispatcher(store, new Outbox(keys), new ReportingTransport(transport, console.Error), smtp.SenderFor(document), TimeProvider.System);
            console.Error.WriteLine($"Sending due messages to {smtp.Describe(directory)}…");
            int sent = 0, failed = 0;
            while (true)
            {
                var (s, f) = await dispatcher.DispatchDueAsync(ct);
                if (s + f == 0) break;
                sent += s;
                failed += f;
                console.Error.WriteLine($"  {sent} sent, {failed} failed so far");
            }

            console.Out.WriteLine($"{sent} message(s) sent, {failed} failed attempt(s){(failed > 0 ? " (retried later with back-off; run again or let the server do it)" : "")}.");
            return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        var outbox = new Command("outbox", "Messages to people (verification codes, receipts, answers), queued sealed in the store.");
        outbox.Subcommands.Add(send);
        return outbox;
    }

    /// <summary>
    /// Says why each message failed, by its id and the transport's non-personal code and reason (the relay's reply,
    /// never the address or the content), then lets the dispatcher schedule the retry.
    /// </summary>
    private sealed class ReportingTransport(IMessageTransport inner, TextWriter error) : IMessageTransport
    {
        public async Task SendAsync(string messageId, string from, RenderedMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await inner.SendAsync(messageId, from, message, cancellationToken);
            }
            catch (MessageDeliveryException e)
            {
                error.WriteLine($"  {messageId}: not sent ({e.Code}): {e.Message}");
                throw;
            }
        }
    }
}
