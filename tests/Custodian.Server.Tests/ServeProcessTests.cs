using Custodian.Client;

namespace Custodian.Server.Tests;

/// <summary>The real <c>custodian serve</c> on loopback: keys from <c>custodian keys create</c>, graceful SIGTERM, logs free of personal values.</summary>
public sealed class ServeProcessTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("custodian-serve-").FullName;

    [Fact]
    public async Task Serve_answers_the_client_stops_cleanly_on_sigterm_and_leaves_a_verifiable_audit_chain_and_logs_without_personal_values()
    {
        var admin = await CreateKeyAsync("--scope", "admin");
        var service = await CreateKeyAsync("--scope", "service", "--purpose", "essential.service", "--policy", RepoPaths.Cekura);
        var url = $"http://127.0.0.1:{CliProcess.FreePort()}";
        const string Email = "birthe.logcheck@example.dk";
        const string Name = "Birthe Logcheck";

        string output;
        await using (var serve = CliProcess.Start("serve", "--policy", RepoPaths.Cekura, "--data", _data, "--urls", url))
        {
            await serve.WaitUntilReadyAsync(url);
            using var http = new HttpClient { BaseAddress = new Uri(url + "/") };
            var client = new CustodianClient(http, service);
            var id = await client.CreateSubjectAsync(new(Email: Email));
            await client.RecordRelationshipAsync(id, "subscription", "opened");
            await client.CollectAsync(id, new("essential.service", [new("user.contact.email", Email), new("user.name", Name)]));
            var read = await client.ReadAsync(id, "essential.service");
            await Assert.ThrowsAsync<CustodianApiException>(() => client.ReadAsync(id, "marketing.communications.phone"));
            Assert.Equal(id, await client.LookupSubjectAsync(new(Email: Email)));
            Assert.Contains(read.Values, v => v.Value == Email);
            Assert.True((await new CustodianClient(http, admin).VerifyAuditAsync()).IsValid);

            var exitCode = await serve.TerminateAsync();
            output = serve.Output;
            Assert.True(exitCode == 0, $"custodian serve exited with {exitCode}:\n{output}");
        }

        var verify = await CliProcess.RunAsync("audit", "verify", "--data", _data);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Contains("\"Category\":\"Custodian.Server.CustodianRuntime\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Name, output, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private async Task<string> CreateKeyAsync(params string[] scope)
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(["keys", "create", "--data", _data, "--name", "process test", .. scope]);
        Assert.True(exitCode == 0, stderr);
        return stdout.Trim();
    }
}
