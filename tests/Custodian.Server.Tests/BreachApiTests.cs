using System.Globalization;
using System.Net;
using System.Text.Json;
using Custodian.Server.Auth;
using Custodian.Server.Problems;
using Custodian.Vault;

namespace Custodian.Server.Tests;

/// <summary>The breach register over HTTP: notifying the people affected once (and only on purpose again), and dates that cannot be.</summary>
public sealed class BreachApiTests : IAsyncLifetime
{
    private CustodianFactory Factory { get; } = new(RepoPaths.Cekura);

    private string _admin = "";

    private string _service = "";

    public Task InitializeAsync()
    {
        _admin = Factory.CreateKey(ApiScope.Admin);
        _service = Factory.CreateKey(ApiScope.Service, "essential.service");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private HttpClient Http => Factory.CreateClient();

    private async Task<int> OutboxCountAsync() => (await Factory.Runtime.Vault.Store.GetMessagesAsync(null, CancellationToken.None)).Count;

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Two customers with an email address on file, and a breach of the email addresses since 2020.</summary>
    private async Task<string> BreachWithTwoPeopleAsync()
    {
        var service = Factory.Client(_service);
        for (var i = 0; i < 2; i++)
        {
            var email = $"breach.{Guid.NewGuid():N}@example.dk";
            var id = await service.CreateSubjectAsync(new(Email: email));
            await service.RecordRelationshipAsync(id, "subscription", "opened");
            await service.CollectAsync(id, new("essential.service", [new("user.contact.email", email)]));
        }

        using var recorded = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/breaches", _admin, """{"occurredFrom": "2020-01-01T00:00:00Z", "description": "The mailing list was exposed.", "categories": ["user.contact.email"]}""");
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        return JsonDocument.Parse(await recorded.Content.ReadAsStringAsync()).RootElement.GetProperty("breach").GetProperty("breachId").GetString()!;
    }

    private async Task<JsonElement> BreachAsync(string id)
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Get, $"/v1/breaches/{id}", _admin);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("breach").Clone();
    }

    [Fact]
    public async Task Confirm_false_sends_nothing_and_is_refused_at_confirm()
    {
        var id = await BreachWithTwoPeopleAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/breaches/{id}/notify", _admin, """{"confirm": false}""");

        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);
        Assert.Equal("/confirm", problem.GetProperty("pointer").GetString());
        Assert.Contains("Nothing was sent", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"confirm\": true", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await OutboxCountAsync());
        Assert.False((await BreachAsync(id)).TryGetProperty("peopleNotifiedAt", out _));
    }

    [Fact]
    [CoversCode(VaultErrorCodes.AlreadyNotified)]
    public async Task Notifying_twice_is_a_conflict_that_says_when_and_how_many_and_queues_nothing()
    {
        var id = await BreachWithTwoPeopleAsync();
        using var first = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/breaches/{id}/notify", _admin, """{"confirm": true}""");
        var queued = await OutboxCountAsync();

        using var second = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/breaches/{id}/notify", _admin, "{}");
        using var empty = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/breaches/{id}/notify", _admin);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, queued);
        var problem = await RawApi.ProblemAsync(second, HttpStatusCode.Conflict, VaultErrorCodes.AlreadyNotified);
        var detail = problem.GetProperty("detail").GetString()!;
        var notifiedAt = (await BreachAsync(id)).GetProperty("peopleNotifiedAt").GetDateTimeOffset();
        Assert.Contains(notifiedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), detail, StringComparison.Ordinal);
        Assert.Contains("2 people", detail, StringComparison.Ordinal);
        Assert.Contains("\"resend\": true", detail, StringComparison.Ordinal);
        await RawApi.ProblemAsync(empty, HttpStatusCode.Conflict, VaultErrorCodes.AlreadyNotified);
        Assert.Equal(queued, await OutboxCountAsync());
    }

    [Fact]
    public async Task An_explicit_resend_queues_every_notice_again_and_is_audited()
    {
        var id = await BreachWithTwoPeopleAsync();
        using var first = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/breaches/{id}/notify", _admin, "{}");

        using var again = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/breaches/{id}/notify", _admin, """{"resend": true}""");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("queued").GetInt32());
        Assert.Equal(4, await OutboxCountAsync());
        var notices = (await Factory.Runtime.Vault.Store.ReadAuditAsync(1, 100_000, CancellationToken.None)).Where(e => e.Action == "breach.notify").ToList();
        Assert.Equal(2, notices.Count);
        Assert.Equal("true", notices[1].Details["resend"]);
    }

    [Theory]
    [InlineData("occurredFrom", 0, "occurredUntil", -1, "/occurredUntil")]
    [InlineData("occurredFrom", 2, null, 0, "/occurredFrom")]
    [InlineData("occurredFrom", -2, "discoveredAt", 1, "/discoveredAt")]
    [InlineData("occurredFrom", -1, "discoveredAt", -2, "/discoveredAt")]
    public async Task Dates_that_cannot_be_are_refused_at_the_field_at_fault(string first, int firstDays, string? second, int secondDays, string jsonPointer)
    {
        var now = DateTimeOffset.UtcNow;
        var dates = $"\"{first}\": \"{Iso(now.AddDays(firstDays))}\"" + (second is null ? "" : $", \"{second}\": \"{Iso(now.AddDays(secondDays))}\"");
        var description = "Huge description " + new string('x', 20_000);

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/breaches", _admin, $$"""{{{dates}}, "description": "{{description}}", "categories": ["user.contact.email"]}""");

        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);
        Assert.Equal(jsonPointer, problem.GetProperty("pointer").GetString());
        Assert.DoesNotContain("Huge description", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var list = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/breaches", _admin);
        Assert.Equal(0, JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_discovery_a_minute_ahead_of_the_server_clock_is_accepted_as_skew()
    {
        var now = DateTimeOffset.UtcNow;

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/breaches", _admin, $$"""{"occurredFrom": "{{Iso(now.AddDays(-1))}}", "discoveredAt": "{{Iso(now.AddMinutes(1))}}", "description": "Lost laptop.", "categories": ["user.contact.email"]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_breach_id_that_is_not_an_id_is_not_repeated_in_the_problem()
    {
        var junk = new string('x', 300) + "-private-text";

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/breaches/{junk}/actions", _admin, """{"text": "Contained."}""");

        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.NotFound, VaultErrorCodes.UnknownBreach);
        Assert.DoesNotContain("private-text", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
