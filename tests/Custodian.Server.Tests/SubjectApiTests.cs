using Custodian.Client;
using Custodian.Client.Contracts;

namespace Custodian.Server.Tests;

[Collection(CekuraCollection.Name)]
public sealed class SubjectApiTests(CekuraServer server)
{
    [Fact]
    public async Task A_registered_person_is_found_by_email_and_an_unknown_email_finds_no_one()
    {
        var (id, email) = await server.NewPersonAsync();

        Assert.Equal(id, await server.Service.LookupSubjectAsync(new(Email: email)));
        Assert.Null(await server.Service.LookupSubjectAsync(new(Email: "nobody." + email)));
    }

    [Fact]
    public async Task A_sign_up_registers_records_the_consents_and_collects_what_they_allow_in_one_call()
    {
        var email = $"signup.{Guid.NewGuid():N}@example.dk";

        var result = await server.Service.SignUpAsync(new(
            "marketing.communications.email",
            [new("user.contact.email", email)],
            [new(Purpose: "marketing.communications.email", Method: "web-form", Evidence: "signup-form-7")],
            Email: email));
        var read = await server.Service.ReadAsync(result.SubjectId, "marketing.communications.email");

        Assert.Equal(result.SubjectId, await server.Service.LookupSubjectAsync(new(Email: email)));
        var receipt = Assert.Single(result.Consents);
        Assert.True(receipt.Given);
        Assert.Equal("signup-form-7", receipt.Evidence);
        Assert.Equal(["user.contact.email"], result.Collected.Stored.Select(v => v.CategoryKey));
        Assert.Equal(email, Assert.Single(read.Values).Value);
    }

    [Fact]
    public async Task A_sign_up_that_fails_stores_nothing_and_answers_with_a_problem()
    {
        var (_, taken) = await server.NewPersonAsync();
        var fresh = $"signup.{Guid.NewGuid():N}@example.dk";
        using var http = server.Factory.CreateClient();

        var duplicate = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/subjects/sign-ups", server.ServiceKey,
            $$"""{"email":"{{taken}}","purpose":"essential.service","values":[{"category":"user.name","value":"Karen Holm"}]}""");
        var unknownPurpose = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/subjects/sign-ups", server.ServiceKey,
            $$"""{"email":"{{fresh}}","purpose":"essential.service","consents":[{"purpose":"no.such.purpose"}],"values":[]}""");
        var bothNamed = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/subjects/sign-ups", server.ServiceKey,
            $$"""{"email":"{{fresh}}","purpose":"essential.service","consents":[{"purpose":"essential.service","permission":"location"}]}""");

        await RawApi.ProblemAsync(duplicate, System.Net.HttpStatusCode.Conflict, "lookup_taken");
        Assert.Equal("application/problem+json", unknownPurpose.Content.Headers.ContentType?.MediaType);
        Assert.False(unknownPurpose.IsSuccessStatusCode);
        var invalid = await RawApi.ProblemAsync(bothNamed, System.Net.HttpStatusCode.BadRequest, "invalid_field");
        Assert.Equal("/consents/0/purpose", invalid.GetProperty("pointer").GetString());
        Assert.Null(await server.Service.LookupSubjectAsync(new(Email: fresh)));
    }

    [Fact]
    public async Task Merging_a_duplicate_makes_its_email_find_the_survivor()
    {
        var (survivor, _) = await server.NewPersonAsync();
        var (duplicate, duplicateEmail) = await server.NewPersonAsync();

        await server.Admin.MergeSubjectsAsync(survivor, duplicate);

        Assert.Equal(survivor, await server.Service.LookupSubjectAsync(new(Email: duplicateEmail)));
    }

    [Fact]
    public async Task Collecting_stores_allowed_values_and_refuses_card_numbers_and_categories_outside_the_purpose()
    {
        var (id, _) = await server.NewPersonAsync();

        var result = await server.Service.CollectAsync(id, new("essential.service",
        [
            new("user.name", "Karen Holm"),
            new("user.contact.address", "Card 4111 1111 1111 1111 please"),
            new("user.health_and_medical", "diabetes"),
        ]));

        Assert.Equal(["user.name"], result.Stored.Select(s => s.CategoryKey));
        Assert.Contains("looks_like_card_number", result.Refused.Single(r => r.CategoryKey == "user.contact.address").Reasons);
        Assert.NotEmpty(result.Refused.Single(r => r.CategoryKey == "user.health_and_medical").Reasons);
    }

    [Fact]
    public async Task A_read_returns_the_values_its_purpose_allows_and_only_reason_codes_for_the_rest()
    {
        var (id, email) = await server.NewPersonAsync();
        await server.Service.CollectAsync(id, new("essential.service", [new("user.contact.email", email), new("user.contact.phone_number", "+4520304050")]));

        var service = await server.Service.ReadAsync(id, "essential.service");
        var marketing = await server.Service.ReadAsync(id, "marketing.communications.email");

        Assert.Contains(service.Values, v => v.CategoryKey == "user.contact.email" && v.Value == email);
        Assert.DoesNotContain(marketing.Values, v => v.Value == email);
        Assert.NotEmpty(marketing.Denied.Single(d => d.CategoryKey == "user.contact.email").Reasons);
    }

    [Fact]
    public async Task A_read_can_be_narrowed_to_named_categories()
    {
        var (id, email) = await server.NewPersonAsync();
        await server.Service.CollectAsync(id, new("essential.service", [new("user.contact.email", email), new("user.name", "Jens Madsen")]));

        var read = await server.Service.ReadAsync(id, "essential.service", categories: ["user.name"]);

        Assert.Equal(["user.name"], read.Values.Select(v => v.CategoryKey));
    }

    [Fact]
    public async Task An_event_batch_stores_readings_of_the_purpose_and_counts_the_rest_by_reason()
    {
        var (id, _) = await server.NewPersonAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var readings = Enumerable.Range(0, 10).Select(i => new EventItem("user.behavior.consumption", at.AddSeconds(i), $"battery {90 - i}%", "SAFE-1"))
            .Append(new EventItem("user.health_and_medical", at, "pulse 80"))
            .ToList();

        var result = await server.Service.AppendEventsAsync(id, new("essential.service", readings));

        Assert.Equal(10, result.Stored);
        Assert.Equal(1, result.Dropped.Values.Sum());
    }

    [Fact]
    public async Task A_batch_of_decisions_answers_each_question_with_reasons_when_denied()
    {
        var (id, _) = await server.NewPersonAsync();

        var answers = await server.Service.DecideAsync(id,
        [
            new("user.contact.address", "essential.service"),
            new("user.contact.email", "marketing.communications.email"),
        ]);

        Assert.True(answers[0].Allowed);
        Assert.False(answers[1].Allowed);
        Assert.NotEmpty(answers[1].Reasons);
    }

    [Fact]
    public async Task The_policy_in_force_is_reported_with_its_version_and_purposes()
    {
        var policy = await server.Auditor.GetPolicyAsync();

        Assert.Equal("cekura", policy.Id);
        Assert.Equal("2018.1", policy.Version);
        Assert.Contains("essential.service", policy.Purposes);
        Assert.Equal(64, policy.ContentHash.Length);
    }

    [Fact]
    public async Task The_audit_chain_verifies_for_admin_and_auditor_keys()
    {
        await server.NewPersonAsync();

        var admin = await server.Admin.VerifyAuditAsync();
        var auditor = await server.Auditor.VerifyAuditAsync();

        Assert.True(admin.IsValid, admin.Message);
        Assert.Equal("none", auditor.Kind);
        Assert.True(auditor.EntriesVerified > 0);
    }

    [Fact]
    public async Task A_person_without_a_secret_category_in_the_policy_cannot_have_one_verified()
    {
        var (id, _) = await server.NewPersonAsync();

        var error = await Assert.ThrowsAsync<CustodianApiException>(() => server.Service.VerifySecretAsync(id, "user.contact.email", "x", "essential.service"));

        Assert.Equal("not_a_secret", error.Code);
    }
}
