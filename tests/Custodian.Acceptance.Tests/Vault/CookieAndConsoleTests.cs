using Custodian.Policy;
using Custodian.Requests;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests.Vault;

/// <summary>Cookie choices in the consent ledger, the staff lookup with a stated reason (CE12), identity confirmed by staff, and the readable access report.</summary>
public sealed class CookieAndConsoleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompiledPolicy Policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "cekura", "policy.yaml"));
    private static readonly CancellationToken Ct = CancellationToken.None;
    private TempVault _temp = null!;

    private DataVault Vault => _temp.Vault;

    public async Task InitializeAsync() => _temp = await TempVault.CreateAsync(Policy, Start);

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public async Task A_cookie_category_without_a_purpose_is_recorded_as_a_cookie_consent_and_decides_nothing()
    {
        var visitor = await Vault.CreateSubjectAsync(new NewSubject(), "cookie-banner", Ct);

        var entry = await Vault.RecordConsentAsync(visitor, "cookie:marketing", false, true, true, "cookie-banner", "cookie:marketing", "cookie-banner", Ct);
        var (state, facts) = await Vault.LoadFactsAsync(visitor, Ct);

        Assert.Equal(ConsentKind.Cookie, entry.Kind);
        Assert.True(state.ConsentHead(ConsentKind.Cookie, "cookie:marketing", DateTimeOffset.MaxValue)!.Given);
        Assert.Empty(facts.Consents);
    }

    [Fact]
    public async Task An_unknown_cookie_category_is_refused_naming_the_nearest()
    {
        var visitor = await Vault.CreateSubjectAsync(new NewSubject(), "cookie-banner", Ct);

        var error = await Assert.ThrowsAsync<VaultException>(() => Vault.RecordConsentAsync(visitor, "cookie:marketting", false, true, true, "cookie-banner", null, "cookie-banner", Ct));

        Assert.Equal(VaultErrorCodes.UnknownCookieCategory, error.Code);
        Assert.Equal("marketing", error.Suggestions[0]);
    }

    [Fact]
    public async Task A_staff_lookup_audits_the_reason_code_and_ticket_and_refuses_free_text()
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(Email: "karen@example.dk"), "test", Ct);

        var found = await Vault.FindSubjectForReasonAsync(Crypto.LookupKind.Email, "karen@example.dk", "support_ticket", "SUP-1234", "key_admin", Ct);
        await Assert.ThrowsAsync<ArgumentException>(() => Vault.FindSubjectForReasonAsync(Crypto.LookupKind.Email, "karen@example.dk", "support_ticket", "Karen called about her bill", "key_admin", Ct));
        var head = await Vault.Store.GetAuditHeadAsync(Ct);
        var last = (await Vault.Store.ReadAuditAsync(head.Sequence, 1, Ct))[0];

        Assert.Equal(id, found);
        Assert.Equal("subject.lookup", last.Action);
        Assert.Equal(["support_ticket"], last.ReasonCodes);
        Assert.Equal("SUP-1234", last.Details["ticket"]);
        Assert.Equal("email", last.Details["by"]);
    }

    [Fact]
    public async Task Staff_confirming_identity_verifies_a_request_whose_code_was_never_entered()
    {
        await Vault.CreateSubjectAsync(new NewSubject(Email: "jens@example.dk"), "test", Ct);
        var desk = Vault.CreateRequestDesk();
        var request = await desk.SubmitAsync(new RequestSubmission(RequestKind.Access, RequestChannel.Person, Email: "jens@example.dk"), "person", Ct);

        var verified = await desk.ConfirmIdentityAsync(request.RequestId, "call_back", "key_admin", Ct);
        var history = await Vault.Store.GetRequestHistoryAsync(request.RequestId, Ct);

        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Equal(RequestStatus.Verified, verified.Status);
        Assert.Equal("call_back", history[^1].ReasonCode);
        await Assert.ThrowsAsync<RequestException>(() => desk.ConfirmIdentityAsync(request.RequestId, "checked his passport", "key_admin", Ct));
    }

    [Fact]
    public async Task The_readable_access_report_shows_values_uses_and_readings_in_the_persons_language_with_html_escaped()
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(Email: "ole@example.dk"), "test", Ct);
        await Vault.RecordRelationshipAsync(id, "subscription", "opened", "test", Ct);
        await Vault.CollectAsync(id, "essential.service", [new CollectValue("user.name", "Ole Sørensen"), new CollectValue("user.contact.address", "Søndergade 5 <b>")], "test", Ct);
        await Vault.RecordConsentAsync(id, "marketing.communications.email", false, true, false, "web-form", null, "test", Ct);
        await Vault.AppendEventsAsync(id, "essential.service", [new EventInput("user.behavior.consumption", Start, "check ok")], "test", Ct);

        using var buffer = new MemoryStream();
        await AccessReportWriter.WriteAsync(Vault, id, "da", buffer, "test", Ct);
        var html = System.Text.Encoding.UTF8.GetString(buffer.ToArray());

        Assert.Contains("lang=\"da\"", html, StringComparison.Ordinal);
        Assert.Contains("Ole Sørensen", html, StringComparison.Ordinal);
        Assert.Contains("Søndergade 5 &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Administration af dit kundeforhold", html, StringComparison.Ordinal);
        Assert.Contains("Markedsføring på e-mail", html, StringComparison.Ordinal);
        Assert.Contains("check ok", html, StringComparison.Ordinal);
    }
}
