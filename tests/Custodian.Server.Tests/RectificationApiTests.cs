using System.Net;
using System.Text.Json;
using Custodian.Scenarios;
using Custodian.Server.Auth;
using Custodian.Vault;

namespace Custodian.Server.Tests;

/// <summary>Rectification through the request desk over HTTP, and the two errors only it produces.</summary>
public sealed class RectificationApiTests : IAsyncLifetime
{
    private CustodianFactory Factory { get; } = new(RepoPaths.Cekura);

    private string _admin = "";

    public Task InitializeAsync()
    {
        _admin = Factory.CreateKey(ApiScope.Admin);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private async Task<string> RectificationRequestAsync(HttpClient http, string email)
    {
        var client = Factory.Client(_admin);
        var id = await client.CreateSubjectAsync(new(Email: email));
        await client.RecordRelationshipAsync(id, "subscription", "opened");
        await client.CollectAsync(id, new("essential.service", [new("user.name", "Birthe Nielsen"), new("user.contact.address", "Nørregade 22"), new("user.contact.phone_number", "+4522324252")]));
        using var submitted = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/requests", _admin, $$"""{"kind": "rectification", "subject": "{{id}}"}""");
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_rectification_replaces_the_value()
    {
        var http = Factory.CreateClient();
        var request = await RectificationRequestAsync(http, "birthe.one@example.dk");

        using var completed = await RawApi.SendAsync(http, HttpMethod.Post, $"/v1/requests/{request}/complete", _admin, """{"category": "user.contact.address", "value": "Vestergade 3, 5000 Odense C"}""");

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Contains("completed", await completed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.RecordMissing)]
    public async Task Correcting_a_category_the_person_has_no_value_of_is_record_missing()
    {
        var http = Factory.CreateClient();
        var request = await RectificationRequestAsync(http, "birthe.two@example.dk");

        using var response = await RawApi.SendAsync(http, HttpMethod.Post, $"/v1/requests/{request}/complete", _admin, """{"category": "user.demographic.date_of_birth", "value": "1947-06-30"}""");

        await RawApi.ProblemAsync(response, HttpStatusCode.NotFound, VaultErrorCodes.RecordMissing);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.RecordExpired)]
    public async Task Correcting_a_value_past_its_retention_period_is_record_expired()
    {
        // CU6: marketing data is kept up to a year after it was given; after that it is due for deletion, not correction.
        var clock = new VirtualClock(DateTimeOffset.UtcNow);
        await using var factory = new CustodianFactory(RepoPaths.Cekura) { Clock = clock };
        var admin = factory.CreateKey(ApiScope.Admin);
        var http = factory.CreateClient();
        var client = factory.Client(admin);
        var id = await client.CreateSubjectAsync(new(Email: "birthe.four@example.dk"));
        using var consent = await RawApi.SendAsync(http, HttpMethod.Post, $"/v1/subjects/{id}/consents", admin, """{"purpose": "marketing.communications.email", "given": true, "explicit": true, "method": "web_form"}""");
        Assert.True(consent.IsSuccessStatusCode, await consent.Content.ReadAsStringAsync());
        await client.CollectAsync(id, new("marketing.communications.email", [new("user.name", "Birthe Nielsen")]));
        using var submitted = await RawApi.SendAsync(http, HttpMethod.Post, "/v1/requests", admin, $$"""{"kind": "rectification", "subject": "{{id}}"}""");
        var request = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        clock.MoveTo(clock.GetUtcNow().AddDays(370));
        using var response = await RawApi.SendAsync(http, HttpMethod.Post, $"/v1/requests/{request}/complete", admin, """{"category": "user.name", "value": "Birthe Nielsen Holm"}""");

        await RawApi.ProblemAsync(response, HttpStatusCode.Conflict, VaultErrorCodes.RecordExpired);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.InvalidValue)]
    public async Task A_correction_that_looks_like_a_card_number_is_invalid_value()
    {
        var http = Factory.CreateClient();
        var request = await RectificationRequestAsync(http, "birthe.three@example.dk");

        using var response = await RawApi.SendAsync(http, HttpMethod.Post, $"/v1/requests/{request}/complete", _admin, """{"category": "user.contact.address", "value": "4111 1111 1111 1111"}""");

        await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.InvalidValue);
    }
}
