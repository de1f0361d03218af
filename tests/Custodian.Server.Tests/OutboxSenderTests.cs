using System.Net;
using Custodian.Server.Auth;
using Custodian.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Custodian.Server.Tests;

/// <summary>
/// Every message to a person comes from one sender and lands in one place, whichever part of the server sends it: the
/// privacy center's immediate send of a sign-in code and the outbox worker's receipts alike use the policy's rights
/// contact (<c>rights.email</c>) and <c>DATA/outbox</c>.
/// </summary>
public sealed class OutboxSenderTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Email = "olga.outbox@example.dk";
    private const string RightsDesk = "rettigheder@cekura.dk";
    private readonly string _policyFolder = Directory.CreateTempSubdirectory("custodian-sender-").FullName;
    private CustodianFactory _server = null!;

    public Task InitializeAsync()
    {
        // CEKURA with a rights contact of its own, apart from the controller's mail@cekura.dk.
        var text = File.ReadAllText(RepoPaths.Cekura);
        const string RightsEmail = "  verify_identity: true\n  email: mail@cekura.dk\n";
        Assert.Contains(RightsEmail, text, StringComparison.Ordinal);
        var policy = Path.Combine(_policyFolder, "policy.yaml");
        File.WriteAllText(policy, text.Replace(RightsEmail, $"  verify_identity: true\n  email: {RightsDesk}\n", StringComparison.Ordinal));
        _server = new CustodianFactory(policy);
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_policyFolder, recursive: true);
    }

    [Fact]
    public async Task A_sign_in_code_and_a_request_receipt_come_from_the_rights_contact_into_the_data_outbox()
    {
        var admin = _server.CreateKey(ApiScope.Admin);
        var subject = await _server.Client(admin).CreateSubjectAsync(new(Email: Email));
        var outbox = Path.Combine(_server.DataDirectory, "outbox");
        using var browser = _server.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));

        await PrivacyCenterSignIn.StartAsync(browser, Email);
        await PrivacyCenterSignIn.WaitForCodeAsync([outbox], Email, TimeSpan.FromSeconds(20));
        using var filed = await RawApi.SendAsync(_server.CreateClient(), HttpMethod.Post, "/v1/requests", admin, $$"""{"kind": "access", "subject": "{{subject}}", "email": "{{Email}}"}""");
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);

        // The receipt goes out with the outbox worker's next run (every 10 seconds by default).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string[] messages = [];
        while (DateTime.UtcNow < deadline)
        {
            messages = [.. Directory.GetFiles(outbox, "*.eml").Select(File.ReadAllText).Where(m => m.Contains("To: " + Email + "\r\n", StringComparison.Ordinal))];
            if (messages.Length >= 2) break;
            await Task.Delay(100);
        }

        Assert.Equal(2, messages.Length);
        Assert.All(messages, m => Assert.Contains("From: " + RightsDesk + "\r\n", m, StringComparison.Ordinal));
    }
}
