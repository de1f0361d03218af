using System.Net;
using Custodian.Client;
using Custodian.Server.Problems;
using Custodian.Vault;

namespace Custodian.Server.Tests;

[Collection(CekuraCollection.Name)]
public sealed class LedgerApiTests(CekuraServer server)
{
    [Fact]
    public async Task Withdrawing_consent_denies_the_very_next_read_for_that_purpose()
    {
        var (id, email) = await server.NewPersonAsync();
        var receipt = await server.Service.RecordConsentAsync(id, new(Given: true, Purpose: "marketing.communications.email", Method: "web-form", Evidence: "signup-2024"));
        await server.Service.CollectAsync(id, new("marketing.communications.email", [new("user.contact.email", email)]));
        var before = await server.Service.ReadAsync(id, "marketing.communications.email");

        await server.Service.RecordConsentAsync(id, new(Given: false, Purpose: "marketing.communications.email", Method: "unsubscribe-link"));
        var after = await server.Service.ReadAsync(id, "marketing.communications.email");

        Assert.Equal("2018.1", receipt.PolicyVersion);
        Assert.Contains(before.Values, v => v.Value == email);
        Assert.DoesNotContain(after.Values, v => v.Value == email);
        Assert.Contains(after.Denied, d => d.CategoryKey == "user.contact.email");
    }

    [Fact]
    public async Task A_key_may_give_consent_or_lift_an_objection_only_for_purposes_it_is_bound_to_but_may_always_withdraw()
    {
        var (id, _) = await server.NewPersonAsync();
        var bookkeeping = server.Factory.Client(server.Factory.CreateKey(Auth.ApiScope.Service, "finance.bookkeeping"));
        await server.Service.ObjectAsync(id, "marketing.communications.post");

        var give = await Assert.ThrowsAsync<CustodianApiException>(() => bookkeeping.RecordConsentAsync(id, new(Given: true, Purpose: "marketing.communications.email")));
        var lift = await Assert.ThrowsAsync<CustodianApiException>(() => bookkeeping.LiftObjectionAsync(id, "marketing.communications.post"));
        await bookkeeping.RecordConsentAsync(id, new(Given: false, Purpose: "marketing.communications.email"));
        var ledger = await server.Service.ListConsentsAsync(id);

        Assert.Equal("purpose_not_allowed", give.Code);
        Assert.Equal("purpose_not_allowed", lift.Code);
        Assert.Equal([false], ledger.Select(c => c.Given));
    }

    [Fact]
    public async Task The_consent_ledger_lists_gifts_and_withdrawals_oldest_first()
    {
        var (id, _) = await server.NewPersonAsync();
        await server.Service.RecordConsentAsync(id, new(Given: true, Purpose: "marketing.communications.email"));
        await server.Service.RecordConsentAsync(id, new(Given: false, Purpose: "marketing.communications.email"));

        var ledger = await server.Service.ListConsentsAsync(id);

        Assert.Equal([true, false], ledger.Select(c => c.Given));
        Assert.All(ledger, c => Assert.Equal("purpose", c.Kind));
    }

    [Fact]
    public async Task An_objection_denies_postal_marketing_until_it_is_lifted()
    {
        var (id, _) = await server.NewPersonAsync();
        var question = new Client.Contracts.DecisionItem("user.contact.address", "marketing.communications.post");

        await server.Service.ObjectAsync(id, "marketing.communications.post");
        var objected = (await server.Service.DecideAsync(id, [question]))[0];
        await server.Service.LiftObjectionAsync(id, "marketing.communications.post");
        var lifted = (await server.Service.DecideAsync(id, [question]))[0];

        Assert.False(objected.Allowed);
        Assert.Contains("objected", objected.Reasons);
        Assert.True(lifted.Allowed);
    }

    [Fact]
    public async Task Restriction_stops_customer_administration_but_not_bookkeeping_and_can_be_lifted()
    {
        var (id, _) = await server.NewPersonAsync();
        Client.Contracts.DecisionItem[] questions = [new("user.name", "essential.service"), new("user.name", "finance.bookkeeping")];

        await server.Service.SetRestrictionAsync(id, true);
        var restricted = await server.Service.DecideAsync(id, questions);
        await server.Service.SetRestrictionAsync(id, false);
        var lifted = await server.Service.DecideAsync(id, questions);

        Assert.False(restricted[0].Allowed);
        Assert.True(restricted[1].Allowed);
        Assert.True(lifted[0].Allowed);
    }

    [Fact]
    public async Task A_relationship_event_must_be_a_code_not_free_text()
    {
        var (id, _) = await server.NewPersonAsync();

        await server.Service.RecordRelationshipAsync(id, "subscription", "ended");
        var error = await Assert.ThrowsAsync<CustodianApiException>(() => server.Service.RecordRelationshipAsync(id, "subscription", "ended on Tuesday"));

        Assert.Equal("invalid_field", error.Code);
        Assert.Equal("/event", error.JsonPointer);
    }

    [Fact]
    public async Task Only_an_admin_key_places_and_lifts_legal_holds()
    {
        var (id, _) = await server.NewPersonAsync();

        await server.Admin.PlaceHoldAsync(id, "dispute:1234", DateTimeOffset.UtcNow.AddYears(1));
        var refused = await Assert.ThrowsAsync<CustodianApiException>(() => server.Service.PlaceHoldAsync(id, "dispute:1235"));
        await server.Admin.LiftHoldsAsync(id);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("scope_forbidden", refused.Code);
    }

    [Fact]
    public async Task Disclosure_to_a_family_member_needs_the_persons_own_authorisation()
    {
        var (id, _) = await server.NewPersonAsync();
        await server.Service.RecordConsentAsync(id, new(Given: true, Purpose: "essential.service.care.disclosure", Explicit: true, Method: "signed-form"));
        Client.Contracts.DecisionItem[] question = [new("user.name", "essential.service.care.disclosure", "family_member")];

        var before = (await server.Service.DecideAsync(id, question))[0];
        await server.Service.AuthoriseRecipientAsync(id, "family_member", true);
        var after = (await server.Service.DecideAsync(id, question))[0];

        Assert.False(before.Allowed);
        Assert.True(after.Allowed, string.Join(",", after.Reasons));
    }

    [Fact]
    public async Task A_guardian_consent_is_recorded_with_a_reference_not_a_name()
    {
        var (id, _) = await server.NewPersonAsync();

        await server.Service.RecordGuardianConsentAsync(id, true, "guardian:42");
        var error = await Assert.ThrowsAsync<CustodianApiException>(() => server.Service.RecordGuardianConsentAsync(id, true, "Anna Holm"));

        Assert.Equal("/guardian", error.JsonPointer);
    }

    [Theory]
    [CoversCode(VaultErrorCodes.InvalidField)]
    [InlineData("""{"purpose":"marketing.communications.email","given":true,"method":"Karen Holm"}""", "/method")]
    [InlineData("""{"purpose":"marketing.communications.email","given":true,"method":"web-form","evidence":"karen.holm@example.dk"}""", "/evidence")]
    [InlineData("""{"purpose":"marketing.communications.email","given":false,"method":"","evidence":"newsletter"}""", "/method")]
    public async Task A_consent_method_or_evidence_that_is_not_a_code_is_invalid_field_naming_it(string body, string at)
    {
        var (id, _) = await server.NewPersonAsync();
        using var http = server.Factory.CreateClient();

        using var response = await RawApi.SendAsync(http, HttpMethod.Post, $"/v1/subjects/{id}/consents", server.ServiceKey, body);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);
        var ledger = await server.Service.ListConsentsAsync(id);

        Assert.Equal(at, problem.GetProperty("pointer").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("letters, digits and _ . : / -", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Karen", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("example.dk", detail, StringComparison.Ordinal);
        Assert.Empty(ledger);
    }

    [Fact]
    public async Task A_sign_up_whose_consent_method_is_free_text_is_refused_with_a_pointer_into_its_consents()
    {
        using var http = server.Factory.CreateClient();
        var email = $"sign.up.{Guid.NewGuid():N}@example.dk";
        var body = $$"""{"email":"{{email}}","consents":[{"purpose":"marketing.communications.email","method":"ticked the box on 1 May"}],"purpose":"essential.service","values":[]}""";

        using var response = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/subjects/sign-ups", server.ServiceKey, body);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);

        Assert.Equal("/consents/0/method", problem.GetProperty("pointer").GetString());
        Assert.Null(await server.Service.LookupSubjectAsync(new(Email: email)));
    }
}
