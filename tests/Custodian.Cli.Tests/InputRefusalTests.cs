using System.Net;
using System.Net.Sockets;
using Custodian.Policy;
using Custodian.Requests;
using Custodian.Sqlite;
using Custodian.Vault;

namespace Custodian.Cli.Tests;

/// <summary>
/// Bad input to a command is one line naming what is wrong and the fix, a non-zero exit code (2 for input the command
/// cannot use), never a stack trace, and no change on disk.
/// </summary>
public sealed class InputRefusalTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("custodian-cli-input-").FullName;

    private string Data => Path.Combine(_root, "data");

    private static string Cekura => Path.Combine(Repository.Examples, "cekura", "policy.yaml");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private async Task CreateStoreAsync()
    {
        await using var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Cekura), TimeProvider.System, CancellationToken.None);
    }

    private static void OneClearLine(int expectedExit, int exit, string output, string error, params string[] words)
    {
        Assert.Equal(expectedExit, exit);
        foreach (var word in words) Assert.Contains(word, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[{\"id\": ")]
    [InlineData("[{}]")]
    public async Task A_bad_api_key_file_is_named_by_list_create_and_revoke_and_never_rewritten(string content)
    {
        Directory.CreateDirectory(Data);
        var file = Path.Combine(Data, "api-keys.json");
        await File.WriteAllTextAsync(file, content);

        foreach (var args in new[]
        {
            new[] { "keys", "list", "--data", Data },
            ["keys", "create", "--data", Data, "--name", "web", "--scope", "admin"],
            ["keys", "revoke", "--data", Data, "key_x"],
        })
        {
            var (exit, output, error) = await CliRun.RunAsync(args);

            OneClearLine(ExitCodes.Unreadable, exit, output, error, $"cannot read the API key file {file}", "restore it from a backup");
            Assert.Empty(output);
            Assert.Equal(content, await File.ReadAllTextAsync(file));
        }
    }

    [Fact]
    public async Task Keys_list_and_revoke_on_a_folder_that_does_not_exist_say_there_is_no_store()
    {
        var missing = Path.Combine(_root, "missing");

        var list = await CliRun.RunAsync("keys", "list", "--data", missing);
        var revoke = await CliRun.RunAsync("keys", "revoke", "--data", missing, "key_x");

        OneClearLine(ExitCodes.Unreadable, list.ExitCode, list.Out, list.Error, $"there is no data directory '{missing}'", "custodian serve --data");
        OneClearLine(ExitCodes.Unreadable, revoke.ExitCode, revoke.Out, revoke.Error, $"there is no data directory '{missing}'");
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Keys_create_and_demo_with_a_file_as_data_directory_say_so()
    {
        var file = Path.Combine(_root, "a-file");
        await File.WriteAllTextAsync(file, "x");

        var create = await CliRun.RunAsync("keys", "create", "--data", file, "--name", "web", "--scope", "admin");
        var demo = await CliRun.RunAsync("demo", "--data", file, "--urls", "http://127.0.0.1:0");

        OneClearLine(ExitCodes.Unreadable, create.ExitCode, create.Out, create.Error, $"'{file}' is a file, not a folder", "--data");
        Assert.Empty(create.Out);
        OneClearLine(ExitCodes.Unreadable, demo.ExitCode, demo.Out, demo.Error, $"'{file}' is a file, not a folder", "--data");
        Assert.Equal("x", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Archive_keypair_with_an_empty_out_asks_for_a_folder()
    {
        var (exit, output, error) = await CliRun.RunAsync("keys", "archive-keypair", "--out", "");

        OneClearLine(ExitCodes.Unreadable, exit, output, error, "error: --out is empty", "--out ./management-keys");
        Assert.False(File.Exists("archive-private.pem"));
    }

    [Theory]
    [InlineData("serve", "notaurl")]
    [InlineData("serve", "http://127.0.0.1:99999")]
    [InlineData("demo", "notaurl")]
    [InlineData("demo", "http://127.0.0.1:99999")]
    public async Task An_address_that_cannot_be_listened_on_is_named_before_anything_is_created(string command, string urls)
    {
        string[] args = command == "serve"
            ? ["serve", "--policy", Cekura, "--data", Data, "--urls", urls]
            : ["demo", "--data", Data, "--urls", urls];

        var (exit, output, error) = await CliRun.RunAsync(args);

        OneClearLine(ExitCodes.Unreadable, exit, output, error, $"--urls '{urls}' is not an address to listen on", "http://127.0.0.1:5080");
        Assert.False(Directory.Exists(Data));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task Serve_refuses_a_rate_limit_below_one(string rate)
    {
        var (exit, output, error) = await CliRun.RunAsync("serve", "--policy", Cekura, "--data", Data, "--urls", "http://127.0.0.1:0", "--rate-limit", rate);

        OneClearLine(ExitCodes.Unreadable, exit, output, error, $"--rate-limit {rate}", "at least 1");
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Serve_refuses_an_empty_postgres_connection_string()
    {
        var (exit, output, error) = await CliRun.RunAsync("serve", "--policy", Cekura, "--data", Data, "--urls", "http://127.0.0.1:0", "--postgres", " ");

        OneClearLine(ExitCodes.Unreadable, exit, output, error, "error: --postgres is empty");
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task Serve_and_outbox_send_print_a_policys_errors_with_their_location()
    {
        await CreateStoreAsync();
        var broken = Path.Combine(_root, "broken.yaml");
        await File.WriteAllTextAsync(broken, File.ReadAllText(Path.Combine(Repository.Fixtures, "diff", "old.yaml")).Replace("basis: consent", "basis: because", StringComparison.Ordinal));
        var before = Snapshot.Of(Data);

        var serve = await CliRun.RunAsync("serve", "--policy", broken, "--data", Data, "--urls", "http://127.0.0.1:0");
        var send = await CliRun.RunAsync("outbox", "send", "--data", Data, "--policy", broken);

        OneClearLine(ExitCodes.Failed, serve.ExitCode, serve.Out, serve.Error, $"{broken}:", ": error ", "because");
        OneClearLine(ExitCodes.Failed, send.ExitCode, send.Out, send.Error, $"{broken}:", ": error ", "because");
        Assert.Equal(before, Snapshot.Of(Data));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("70000")]
    public async Task Outbox_send_refuses_a_port_that_is_not_a_port(string port)
    {
        await CreateStoreAsync();
        var before = Snapshot.Of(Data);

        var (exit, output, error) = await CliRun.RunAsync("outbox", "send", "--data", Data, "--smtp-host", "127.0.0.1", "--smtp-port", port);

        OneClearLine(ExitCodes.Unreadable, exit, output, error, $"--smtp-port {port} is not a port", "1 to 65535");
        Assert.Equal(before, Snapshot.Of(Data));
    }

    [Fact]
    public async Task Outbox_send_says_why_each_message_was_not_sent_without_its_address()
    {
        const string Email = "karen.hansen@example.dk";
        await using (var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Cekura), TimeProvider.System, CancellationToken.None))
        {
            await open.Vault.CreateSubjectAsync(new NewSubject(Email: Email), "test", CancellationToken.None);
            await open.Vault.CreateRequestDesk().SubmitAsync(new RequestSubmission(RequestKind.Access, RequestChannel.Person, Email: Email), "test", CancellationToken.None);
        }

        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var (exit, output, error) = await CliRun.RunAsync("outbox", "send", "--data", Data, "--smtp-host", "127.0.0.1", "--smtp-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-tls");

        OneClearLine(ExitCodes.Failed, exit, output, error, ": not sent (connection_refused): Cannot connect to the SMTP server 127.0.0.1");
        Assert.Matches(@"  msg_\S+: not sent", error);
        Assert.Contains("0 message(s) sent, 1 failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, output + error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Outbox_send_to_a_relay_name_that_does_not_resolve_says_so_not_that_it_refused()
    {
        const string Email = "karen.hansen@example.dk";
        await using (var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Cekura), TimeProvider.System, CancellationToken.None))
        {
            await open.Vault.CreateSubjectAsync(new NewSubject(Email: Email), "test", CancellationToken.None);
            await open.Vault.CreateRequestDesk().SubmitAsync(new RequestSubmission(RequestKind.Access, RequestChannel.Person, Email: Email), "test", CancellationToken.None);
        }

        // .invalid never resolves (RFC 6761); a resolver that cannot answer at all says so as host_lookup_failed.
        var (exit, output, error) = await CliRun.RunAsync("outbox", "send", "--data", Data, "--smtp-host", "smtp.nonexistent.invalid", "--smtp-port", "25", "--no-tls");

        OneClearLine(ExitCodes.Failed, exit, output, error, "Cannot connect to the SMTP server smtp.nonexistent.invalid:25");
        Assert.Matches(@"msg_\S+: not sent \((host_not_found|host_lookup_failed)\)", error);
        Assert.DoesNotContain("connection_refused", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, output + error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--by", "", "--by is empty")]
    [InlineData("--by", " , ", "--by is empty")]
    [InlineData("--epsilon", "NaN", "--epsilon NaN")]
    [InlineData("--epsilon", "0", "--epsilon 0")]
    [InlineData("--epsilon", "-1", "--epsilon -1")]
    [InlineData("--epsilon", "Infinity", "give a finite number above 0")]
    [InlineData("--k", "-3", "--k -3 is too small")]
    [InlineData("--k", "1", "give at least 2")]
    public async Task Stats_export_refuses_parameters_that_would_not_protect_anyone(string option, string value, string message)
    {
        await CreateStoreAsync();
        var before = Snapshot.Of(Data);

        var (exit, output, error) = await CliRun.RunAsync("stats", "export", "--policy", Cekura, "--data", Data, "--purpose", "essential.service", option, value);

        OneClearLine(ExitCodes.Unreadable, exit, output, error, message);
        Assert.Empty(output);
        Assert.Equal(before, Snapshot.Of(Data));
    }

    [Theory]
    [InlineData("P0D")]
    [InlineData("P0M")]
    [InlineData("-P1D")]
    public async Task Requests_extend_refuses_a_period_that_is_not_longer_than_zero_and_keeps_the_extension(string by)
    {
        await CreateStoreAsync();
        var before = Snapshot.Of(Data);

        var (exit, output, error) = await CliRun.RunAsync("requests", "extend", "req_x", "--reason", "More time", "--by", by, "--policy", Cekura, "--data", Data);

        OneClearLine(ExitCodes.Unreadable, exit, output, error, $"--by '{by}' is not a period longer than zero", "P30D");
        Assert.Equal(before, Snapshot.Of(Data));
    }

    [Fact]
    public async Task Requests_extend_and_deny_say_when_the_person_has_no_address_and_was_not_told()
    {
        string withAddress, withoutAddress;
        await using (var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Cekura), TimeProvider.System, CancellationToken.None))
        {
            var subject = await open.Vault.CreateSubjectAsync(new NewSubject(Email: "karen.hansen@example.dk"), "test", CancellationToken.None);
            var desk = open.Vault.CreateRequestDesk();
            withoutAddress = (await desk.SubmitAsync(new RequestSubmission(RequestKind.Access, RequestChannel.Admin, SubjectId: subject), "test", CancellationToken.None)).RequestId;
            withAddress = (await desk.SubmitAsync(new RequestSubmission(RequestKind.Erasure, RequestChannel.Admin, SubjectId: subject, Email: "karen.hansen@example.dk"), "test", CancellationToken.None)).RequestId;
        }

        var extend = await CliRun.RunAsync("requests", "extend", withoutAddress, "--reason", "More time", "--policy", Cekura, "--data", Data);
        var deny = await CliRun.RunAsync("requests", "deny", withoutAddress, "--reason-code", "excessive", "--reason", "Asked weekly", "--policy", Cekura, "--data", Data);
        var told = await CliRun.RunAsync("requests", "extend", withAddress, "--reason", "More time", "--policy", Cekura, "--data", Data);

        Assert.True(extend.ExitCode == ExitCodes.Ok, extend.Error);
        Assert.Contains($"{withoutAddress}: extended", extend.Out, StringComparison.Ordinal);
        Assert.Contains($"warning: the person was not told: request {withoutAddress} has no email address to write to (it was submitted by an administrator without one); tell them another way", extend.Error, StringComparison.Ordinal);
        Assert.True(deny.ExitCode == ExitCodes.Ok, deny.Error);
        Assert.Contains($"{withoutAddress}: denied (excessive)", deny.Out, StringComparison.Ordinal);
        Assert.Contains("warning: the person was not told", deny.Error, StringComparison.Ordinal);
        Assert.True(told.ExitCode == ExitCodes.Ok, told.Error);
        Assert.DoesNotContain("not told", told.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Requests_complete_refuses_an_empty_corrected_value(string value)
    {
        await CreateStoreAsync();
        var before = Snapshot.Of(Data);

        var (exit, output, error) = await CliRun.RunAsync("requests", "complete", "req_x", "--category", "user.contact.address", "--value", value, "--policy", Cekura, "--data", Data);

        OneClearLine(ExitCodes.Unreadable, exit, output, error, "--value is empty", "give the corrected value");
        Assert.Equal(before, Snapshot.Of(Data));
    }

    [Fact]
    public async Task Policy_publish_refuses_another_controllers_policy()
    {
        await CreateStoreAsync();
        var other = Path.Combine(Repository.Examples, "isocket", "policy.yaml");

        var (exit, output, error) = await CliRun.RunAsync("policy", "publish", other, "--policy", Cekura, "--data", Data, "--effective", "2099-01-01");

        OneClearLine(ExitCodes.Failed, exit, output, error, $"{other} names the controller", "but the policy in force in this store names 'CEKURA A/S'", "correct 'controller:'");
        await using var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Cekura), TimeProvider.System, CancellationToken.None);
        Assert.Empty(await open.Store.GetPolicyVersionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Simulate_on_a_folder_without_scenarios_says_none_were_found()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;

        var (exit, output, error) = await CliRun.RunAsync("simulate", Cekura, empty);

        OneClearLine(ExitCodes.Unreadable, exit, output, error, $"error: no scenarios found in '{empty}'", "*.yaml");
        Assert.Empty(output);
    }
}
