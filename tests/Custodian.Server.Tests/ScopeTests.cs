using System.Net;
using Custodian.Client;
using Custodian.Server.Auth;

namespace Custodian.Server.Tests;

[Collection(CekuraCollection.Name)]
public sealed class ScopeTests(CekuraServer server)
{
    [Fact]
    [CoversCode("purpose_not_allowed")]
    public async Task A_service_key_naming_a_purpose_it_is_not_bound_to_is_refused_and_the_refusal_is_audited()
    {
        var (id, _) = await server.NewPersonAsync();

        var error = await Assert.ThrowsAsync<CustodianApiException>(() => server.Service.ReadAsync(id, "marketing.communications.phone"));
        var audit = await server.Factory.Runtime.Vault.Store.ReadAuditAsync(0, int.MaxValue, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("purpose_not_allowed", error.Code);
        Assert.Equal("/purpose", error.JsonPointer);
        Assert.Contains(audit, e => e.Action == "access.refused" && e.SubjectId == id && e.Actor == RawApi.KeyId(server.ServiceKey) && e.Purpose == "marketing.communications.phone");
    }

    [Fact]
    [CoversCode("scope_forbidden")]
    public async Task An_auditor_key_cannot_read_collect_register_or_look_up_personal_data()
    {
        var (id, email) = await server.NewPersonAsync();
        var auditor = server.Auditor;

        Task[] attempts =
        [
            auditor.ReadAsync(id, "essential.service"),
            auditor.CollectAsync(id, new("essential.service", [new("user.name", "Karen")])),
            auditor.CreateSubjectAsync(new(Email: "auditor." + email)),
            auditor.LookupSubjectAsync(new(Email: email)),
            auditor.ListConsentsAsync(id),
        ];

        foreach (var attempt in attempts)
        {
            var error = await Assert.ThrowsAsync<CustodianApiException>(() => attempt);
            Assert.Equal("scope_forbidden", error.Code);
        }
    }

    [Fact]
    public async Task An_auditor_key_asking_for_decisions_is_refused_alike_for_a_person_who_exists_and_one_who_does_not()
    {
        var (id, _) = await server.NewPersonAsync();
        var http = server.Factory.CreateClient();

        using var known = await RawApi.SendAsync(http, HttpMethod.Post, $"/v1/subjects/{id}/decisions", server.AuditorKey, """{"questions": []}""");
        using var unknown = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/subjects/sub_nosuchperson/decisions", server.AuditorKey, """{"questions": []}""");

        await RawApi.ProblemAsync(known, HttpStatusCode.Forbidden, "scope_forbidden");
        await RawApi.ProblemAsync(unknown, HttpStatusCode.Forbidden, "scope_forbidden");
    }

    [Fact]
    public async Task An_auditor_key_cannot_send_try_now_readings()
    {
        var http = server.Factory.CreateClient();
        const string Body = """{"readings": [{"category": "user.behavior.consumption", "at": "2024-11-21T08:00:00Z", "value": "demo"}]}""";

        using var auditor = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/try-now/events", server.AuditorKey, Body);
        using var service = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/try-now/events", server.ServiceKey, Body);

        await RawApi.ProblemAsync(auditor, HttpStatusCode.Forbidden, "scope_forbidden");
        Assert.Equal(HttpStatusCode.OK, service.StatusCode);
    }

    [Fact]
    public async Task A_service_key_shown_a_person_s_own_request_it_forwarded_is_not_told_who_the_email_belongs_to()
    {
        var (id, email) = await server.NewPersonAsync();
        var http = server.Factory.CreateClient();
        using var submitted = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/requests", server.ServiceKey, $$"""{"kind": "access", "email": "{{email}}"}""");
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var requestId = System.Text.Json.JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        using var byService = await RawApi.SendAsync(http, HttpMethod.Get, $"/v1/requests/{requestId}", server.ServiceKey);
        using var byAdmin = await RawApi.SendAsync(http, HttpMethod.Get, $"/v1/requests/{requestId}", server.AdminKey);
        var service = System.Text.Json.JsonDocument.Parse(await byService.Content.ReadAsStringAsync()).RootElement;
        var admin = System.Text.Json.JsonDocument.Parse(await byAdmin.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, byService.StatusCode);
        Assert.False(service.TryGetProperty("subject", out _), service.ToString());
        Assert.DoesNotContain(id, service.ToString(), StringComparison.Ordinal);
        Assert.Equal(id, admin.GetProperty("subject").GetString());
    }

    [Fact]
    [CoversCode("unauthorized")]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var token = server.Factory.CreateKey(ApiScope.Admin);
        var client = server.Factory.Client(token);
        await client.GetPolicyAsync();

        Assert.True(server.Factory.Runtime.Keys.Revoke(RawApi.KeyId(token)));
        var error = await Assert.ThrowsAsync<CustodianApiException>(() => client.GetPolicyAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal("unauthorized", error.Code);
    }

    [Fact]
    public async Task A_request_without_a_key_or_with_a_forged_secret_is_unauthorized_and_told_how_to_authenticate()
    {
        var http = server.Factory.CreateClient();
        var forged = RawApi.KeyId(server.AdminKey) is var id ? $"cus_{id}.forgedsecret" : "";

        using var none = await RawApi.SendAsync(http, HttpMethod.Get, "/v1/policy", null);
        using var wrong = await RawApi.SendAsync(http, HttpMethod.Get, "/v1/policy", forged);
        var problem = await RawApi.ProblemAsync(none, HttpStatusCode.Unauthorized, "unauthorized");
        await RawApi.ProblemAsync(wrong, HttpStatusCode.Unauthorized, "unauthorized");

        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("custodian keys create", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_x_api_key_header_authenticates_like_a_bearer_token()
    {
        var http = server.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/policy");
        request.Headers.Add("X-Api-Key", server.AuditorKey);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
