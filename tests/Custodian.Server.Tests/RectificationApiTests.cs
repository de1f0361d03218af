using System.Net;
using System.Text.Json;
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
    [CoversCode(VaultErrorCodes.InvalidValue)]
    public async Task A_correction_that_looks_like_a_card_number_is_invalid_value()
    {
        var http = Factory.CreateClient();
        var request = await RectificationRequestAsync(http, "birthe.three@example.dk");

        using var response = await RawApi.SendAsync(http, HttpMethod.Post, $"/v1/requests/{request}/complete", _admin, """{"category": "user.contact.address", "value": "4111 1111 1111 1111"}""");

        await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.InvalidValue);
    }
}
