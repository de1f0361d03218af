using System.Text;
using System.Text.RegularExpressions;
using Custodian.Notifications;
using Custodian.Policy;
using Custodian.Requests;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests.Requests;

public sealed class NotificationDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_verification_code_reaches_a_real_smtp_server_and_verifies_the_request()
    {
        await using var vault = await TempVault.CreateAsync(Policy(), Start);
        await vault.Vault.CreateSubjectAsync(new NewSubject("ada@example.com", null, null, null), "test", CancellationToken.None);
        var desk = vault.Vault.CreateRequestDesk();
        var request = await desk.SubmitAsync(new RequestSubmission(RequestKind.Access, RequestChannel.Person, Email: "ada@example.com"), "test", CancellationToken.None);
        await using var server = new LoopbackSmtpServer();

        var (sent, _) = await new OutboxDispatcher(vault.Vault.Store, desk.Outbox, new SmtpTransport("127.0.0.1", server.Port, TimeSpan.FromSeconds(10), vault.Clock), "privacy@isocket.example", vault.Clock).DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, sent);
        var (from, to, data) = Assert.Single(server.Messages);
        Assert.Equal("privacy@isocket.example", from);
        Assert.Equal("ada@example.com", to);
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(data[(data.IndexOf("\n\n", StringComparison.Ordinal) + 2)..].Split('\n'))));
        var code = Regex.Match(body, @"\b\d{6}\b").Value;
        var verified = await desk.VerifyAsync(request.RequestId, code, CancellationToken.None);
        Assert.Equal(RequestStatus.Verified, verified.Status);
        Assert.Null(Assert.Single(await vault.Vault.Store.GetMessagesAsync(request.RequestId, CancellationToken.None), m => m.Template == "verification_code").Sealed);
    }

    [Fact]
    public async Task Two_senders_working_the_outbox_at_once_send_each_message_once()
    {
        await using var vault = await TempVault.CreateAsync(Policy(), Start);
        var desk = vault.Vault.CreateRequestDesk();
        for (var i = 0; i < 12; i++)
        {
            var email = $"person{i}@example.com";
            await vault.Vault.CreateSubjectAsync(new NewSubject(email, null, null, null), "test", CancellationToken.None);
            await desk.SubmitAsync(new RequestSubmission(RequestKind.Access, RequestChannel.Person, Email: email), "test", CancellationToken.None);
        }

        await using var server = new LoopbackSmtpServer();
        OutboxDispatcher Sender() => new(vault.Vault.Store, desk.Outbox, new SmtpTransport("127.0.0.1", server.Port, TimeSpan.FromSeconds(10), vault.Clock), "privacy@isocket.example", vault.Clock);

        var rounds = await Task.WhenAll(Task.Run(() => Sender().DispatchDueAsync(CancellationToken.None)), Task.Run(() => Sender().DispatchDueAsync(CancellationToken.None)));

        Assert.Equal(12, rounds.Sum(r => r.Sent));
        Assert.Equal(12, server.Messages.Count);
        Assert.Equal(12, server.Messages.Select(m => m.To).Distinct().Count());
    }

    [Fact]
    public async Task A_refused_delivery_is_retried_later_with_back_off_and_then_succeeds()
    {
        await using var vault = await TempVault.CreateAsync(Policy(), Start);
        var subject = await vault.Vault.CreateSubjectAsync(new NewSubject("bo@example.com", null, null, null), "test", CancellationToken.None);
        var desk = vault.Vault.CreateRequestDesk();
        await desk.SubmitAsync(new RequestSubmission(RequestKind.Access, RequestChannel.Admin, subject, "bo@example.com"), "test", CancellationToken.None);
        await using var server = new LoopbackSmtpServer(refuseFirst: 1);
        var dispatcher = new OutboxDispatcher(vault.Vault.Store, desk.Outbox, new SmtpTransport("127.0.0.1", server.Port, TimeSpan.FromSeconds(10), vault.Clock), "privacy@isocket.example", vault.Clock);

        var first = await dispatcher.DispatchDueAsync(CancellationToken.None);
        var pending = Assert.Single(await vault.Vault.Store.GetMessagesAsync(null, CancellationToken.None));
        var tooEarly = await dispatcher.DispatchDueAsync(CancellationToken.None);
        vault.Clock.MoveTo(Start + OutboxDispatcher.BackOff(1));
        var retried = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal((0, 1), first);
        Assert.Equal("smtp_451", pending.LastError);
        Assert.Equal(Start + OutboxDispatcher.BackOff(1), pending.NextAttemptAt);
        Assert.Equal((0, 0), tooEarly);
        Assert.Equal((1, 0), retried);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_request()
    {
        await using var vault = await TempVault.CreateAsync(Policy(), Start);
        var desk = vault.Vault.CreateRequestDesk();
        var request = await desk.SubmitAsync(new RequestSubmission(RequestKind.Access, RequestChannel.Person, Email: "nobody@example.com"), "test", CancellationToken.None);
        var codes = new List<string>();
        for (var i = 0; i < RequestDesk.MaxCodeAttempts + 1; i++)
        {
            var e = await Assert.ThrowsAsync<RequestException>(() => desk.VerifyAsync(request.RequestId, "abcdef", CancellationToken.None));
            codes.Add(e.Code);
        }

        Assert.Equal(RequestErrorCodes.CodeWrong, codes[0]);
        Assert.Equal(RequestErrorCodes.TooManyAttempts, codes[^1]);
    }

    [Fact]
    public async Task A_code_older_than_ten_minutes_is_refused()
    {
        await using var vault = await TempVault.CreateAsync(Policy(), Start);
        var desk = vault.Vault.CreateRequestDesk();
        var request = await desk.SubmitAsync(new RequestSubmission(RequestKind.Access, RequestChannel.Person, Email: "late@example.com"), "test", CancellationToken.None);
        vault.Clock.MoveTo(Start + RequestDesk.CodeLifetime + TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<RequestException>(() => desk.VerifyAsync(request.RequestId, "123456", CancellationToken.None));

        Assert.Equal(RequestErrorCodes.CodeExpired, e.Code);
    }

    private static CompiledPolicy Policy() => PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "isocket", "policy.yaml"));
}
