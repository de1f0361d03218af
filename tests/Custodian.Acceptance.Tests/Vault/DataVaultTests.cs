using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests.Vault;

public sealed class DataVaultTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompiledPolicy Policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "isocket", "policy.yaml"));
    private TempVault _temp = null!;

    private DataVault Vault => _temp.Vault;

    public async Task InitializeAsync() => _temp = await TempVault.CreateAsync(Policy, Start);

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    private static string ContractPurpose => Policy.Purposes.First(p => p.Basis == LegalBasis.Contract && p.Categories.Contains(Category("user.contact.email"))).Key;

    private static string ContractKind => Policy.Purposes.First(p => p.Key == ContractPurpose).Definition.ContractKind!;

    private static int Category(string key) => Policy.TryGetCategory(key, out var id) ? id.Value : -1;

    private async Task<string> CustomerAsync(string email = "maija@example.com")
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(Email: email), "test", CancellationToken.None);
        await Vault.RecordRelationshipAsync(id, ContractKind, "opened", "test", CancellationToken.None);
        return id;
    }

    [Fact]
    public async Task Collected_value_is_read_back_for_its_purpose()
    {
        var id = await CustomerAsync();

        var collected = await Vault.CollectAsync(id, ContractPurpose, [new CollectValue("user.contact.email", "maija@example.com")], "test", CancellationToken.None);
        var read = await Vault.ReadAsync(id, ContractPurpose, null, ["user.contact.email"], "test", CancellationToken.None);

        Assert.Single(collected.Stored);
        Assert.Equal("maija@example.com", Assert.Single(read.Values).Value);
    }

    [Fact]
    public async Task A_value_that_looks_like_a_card_number_is_refused_and_not_stored()
    {
        var id = await CustomerAsync();

        var result = await Vault.CollectAsync(id, ContractPurpose, [new CollectValue("user.contact.email", "4111-1111-1111-1111")], "test", CancellationToken.None);

        Assert.Empty(result.Stored);
        Assert.Equal([CollectRefusal.LooksLikeCardNumber], Assert.Single(result.Refused).Reasons);
        Assert.Empty(await Vault.Store.GetRecordsAsync(id, null, CancellationToken.None));
    }

    [Fact]
    public async Task Collection_the_rule_denies_is_not_stored_and_says_why()
    {
        var id = await Vault.CreateSubjectAsync(new NewSubject(Email: "no.contract@example.com"), "test", CancellationToken.None);

        var result = await Vault.CollectAsync(id, ContractPurpose, [new CollectValue("user.contact.email", "no.contract@example.com")], "test", CancellationToken.None);

        Assert.Contains("no_contract", Assert.Single(result.Refused).Reasons);
        Assert.Empty(await Vault.Store.GetRecordsAsync(id, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_read_for_a_purpose_that_does_not_list_the_category_returns_only_the_reason()
    {
        var id = await CustomerAsync();
        await Vault.CollectAsync(id, ContractPurpose, [new CollectValue("user.contact.email", "maija@example.com")], "test", CancellationToken.None);
        var other = Policy.Purposes.First(p => !p.Categories.Contains(Category("user.contact.email"))).Key;

        var read = await Vault.ReadAsync(id, other, null, ["user.contact.email"], "test", CancellationToken.None);

        Assert.Empty(read.Values);
        Assert.Contains("category_not_in_purpose", Assert.Single(read.Denied).Reasons);
    }

    [Fact]
    public async Task Unknown_purpose_is_an_error_naming_the_nearest_purposes()
    {
        var id = await CustomerAsync();
        var typo = ContractPurpose.Replace("service", "servce", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<VaultException>(() => Vault.ReadAsync(id, typo, null, null, "test", CancellationToken.None));

        Assert.Equal(VaultErrorCodes.UnknownPurpose, error.Code);
        Assert.Contains(ContractPurpose, error.Suggestions);
    }

    [Fact]
    public async Task A_person_is_found_by_email_in_any_spelling_and_a_second_registration_is_refused()
    {
        var id = await CustomerAsync("Maija.Virtanen@Example.com");

        var found = await Vault.FindSubjectAsync(LookupKind.Email, "  maija.virtanen@example.COM ", "test", CancellationToken.None);
        var duplicate = await Assert.ThrowsAsync<VaultException>(() => Vault.CreateSubjectAsync(new NewSubject(Email: "maija.virtanen@example.com"), "test", CancellationToken.None));

        Assert.Equal(id, found);
        Assert.Equal(VaultErrorCodes.LookupTaken, duplicate.Code);
    }

    [Fact]
    public async Task Every_step_is_in_the_audit_chain_and_no_value_is()
    {
        var id = await CustomerAsync();
        await Vault.CollectAsync(id, ContractPurpose, [new CollectValue("user.contact.email", "maija@example.com")], "test", CancellationToken.None);
        await Vault.ReadAsync(id, ContractPurpose, null, null, "test", CancellationToken.None);

        var verification = await Vault.VerifyAuditAsync(CancellationToken.None);
        var entries = await Vault.Store.ReadAuditAsync(0, 100, CancellationToken.None);
        var database = await File.ReadAllBytesAsync(System.IO.Path.Combine(_temp.Directory, "custodian.db"));

        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(["subject.create", "key.create", "relationship.event", "record.write", "record.read"], entries.Select(e => e.Action));
        Assert.DoesNotContain("maija", System.Text.Encoding.UTF8.GetString(database), StringComparison.OrdinalIgnoreCase);
    }
}
