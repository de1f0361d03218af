using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests.Vault;

public sealed class EnrollTests : IAsyncLifetime
{
    private const string Newsletter = "marketing.communications.email";
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompiledPolicy Policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "isocket", "policy.yaml"));
    private static readonly CancellationToken Ct = CancellationToken.None;
    private TempVault _temp = null!;

    private DataVault Vault => _temp.Vault;

    public async Task InitializeAsync() => _temp = await TempVault.CreateAsync(Policy, Start);

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public async Task A_sign_up_with_consent_stores_the_value_readable_for_the_consented_purpose()
    {
        var result = await Vault.EnrollAsync(new NewSubject(Email: "maija@example.com"), [new EnrollConsent(Newsletter, "web_form")], Newsletter, [new CollectValue("user.contact.email", "maija@example.com")], "signup", Ct);
        var read = await Vault.ReadAsync(result.SubjectId, Newsletter, null, ["user.contact.email"], "test", Ct);
        var found = await Vault.FindSubjectAsync(LookupKind.Email, "maija@example.com", "test", Ct);

        Assert.Single(result.Collected.Stored);
        Assert.Equal(Newsletter, Assert.Single(result.Consents).Key);
        Assert.Equal("maija@example.com", Assert.Single(read.Values).Value);
        Assert.Equal(result.SubjectId, found);
    }

    [Fact]
    public async Task A_sign_up_is_audited_step_by_step_as_the_separate_calls_would_be()
    {
        var before = await Vault.Store.GetAuditHeadAsync(Ct);

        var result = await Vault.EnrollAsync(new NewSubject(), [new EnrollConsent(Newsletter, "web_form")], Newsletter, [new CollectValue("user.contact.email", "maija@example.com")], "signup", Ct);
        var entries = await Vault.Store.ReadAuditAsync(before.Sequence + 1, 100, Ct);

        Assert.Equal(["subject.create", "key.create", "consent.change", "record.write"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(result.SubjectId, e.SubjectId));
        Assert.Equal(1, entries[^1].Count);
    }

    [Fact]
    public async Task A_sign_up_without_the_consent_is_refused_collection_and_says_why()
    {
        var result = await Vault.EnrollAsync(new NewSubject(), [], Newsletter, [new CollectValue("user.contact.email", "maija@example.com")], "signup", Ct);

        Assert.Empty(result.Collected.Stored);
        Assert.Contains("consent_missing", Assert.Single(result.Collected.Refused).Reasons);
        Assert.Empty(await Vault.Store.GetRecordsAsync(result.SubjectId, null, Ct));
    }

    [Fact]
    public async Task A_sign_up_sets_the_same_expiry_as_consent_then_collection()
    {
        var enrolled = await Vault.EnrollAsync(new NewSubject(), [new EnrollConsent(Newsletter, "web_form")], Newsletter, [new CollectValue("user.contact.email", "a@example.com")], "signup", Ct);
        var separate = await Vault.CreateSubjectAsync(new NewSubject(), "signup", Ct);
        await Vault.RecordConsentAsync(separate, Newsletter, isPermission: false, given: true, isExplicit: false, "web_form", null, "signup", Ct);
        await Vault.CollectAsync(separate, Newsletter, [new CollectValue("user.contact.email", "b@example.com")], "signup", Ct);

        var enrolledRecord = Assert.Single(await Vault.Store.GetRecordsAsync(enrolled.SubjectId, null, Ct));
        var separateRecord = Assert.Single(await Vault.Store.GetRecordsAsync(separate, null, Ct));

        Assert.NotNull(enrolledRecord.ExpiresAt);
        Assert.Equal(separateRecord.ExpiresAt, enrolledRecord.ExpiresAt);
    }

    [Fact]
    public async Task A_sign_up_with_a_taken_email_stores_nothing()
    {
        await Vault.CreateSubjectAsync(new NewSubject(Email: "maija@example.com"), "test", Ct);
        var before = await Vault.Store.GetAuditHeadAsync(Ct);

        var error = await Assert.ThrowsAsync<VaultException>(() => Vault.EnrollAsync(new NewSubject(Email: "maija@example.com"), [new EnrollConsent(Newsletter, "web_form")], Newsletter, [], "signup", Ct));

        Assert.Equal(VaultErrorCodes.LookupTaken, error.Code);
        Assert.Equal(before.Sequence, (await Vault.Store.GetAuditHeadAsync(Ct)).Sequence);
    }

    [Fact]
    public async Task A_sign_up_with_an_unknown_consent_key_stores_nothing()
    {
        var before = await Vault.Store.GetAuditHeadAsync(Ct);

        var error = await Assert.ThrowsAsync<VaultException>(() => Vault.EnrollAsync(new NewSubject(), [new EnrollConsent("marketing.newsleter", "web_form")], Newsletter, [], "signup", Ct));

        Assert.Equal(VaultErrorCodes.UnknownPurpose, error.Code);
        Assert.Equal(before.Sequence, (await Vault.Store.GetAuditHeadAsync(Ct)).Sequence);
    }

    [Theory]
    [InlineData("Maija Virtanen", null, "/method")]
    [InlineData("web_form", "maija@example.com", "/evidence")]
    [InlineData("web_form", "signed by +358401234567", "/evidence")]
    public async Task A_consent_method_or_evidence_that_is_not_a_code_is_refused_and_nothing_is_stored(string method, string? evidence, string at)
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(), "test", Ct);

        var error = await Assert.ThrowsAsync<VaultException>(() => Vault.RecordConsentAsync(id, Newsletter, false, true, false, method, evidence, "test", Ct));
        var (state, _) = await Vault.LoadFactsAsync(id, Ct);

        Assert.Equal(VaultErrorCodes.InvalidField, error.Code);
        Assert.Equal(at, error.JsonPointer);
        Assert.Contains("letters, digits and _ . : / -", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(method + evidence, error.Message, StringComparison.Ordinal);
        Assert.Empty(state.Consents);
    }

    [Fact]
    public async Task A_sign_up_whose_consent_evidence_is_free_text_is_refused_whole_naming_that_consent()
    {
        var error = await Assert.ThrowsAsync<VaultException>(() => Vault.EnrollAsync(
            new NewSubject(Email: "maija@example.com"),
            [new EnrollConsent(Newsletter, "web_form"), new EnrollConsent(Newsletter, "web_form", Evidence: "Maija Virtanen, maija@example.com")],
            Newsletter,
            [new CollectValue("user.contact.email", "maija@example.com")],
            "signup",
            Ct));

        Assert.Equal(VaultErrorCodes.InvalidField, error.Code);
        Assert.Equal("/consents/1/evidence", error.JsonPointer);
        Assert.Null(await Vault.FindSubjectAsync(LookupKind.Email, "maija@example.com", "test", Ct));
    }
}
