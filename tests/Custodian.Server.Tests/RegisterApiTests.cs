using System.Net;
using Custodian.Server.Auth;
using Custodian.Vault;

namespace Custodian.Server.Tests;

/// <summary>Devices, the breach register and policy versions over HTTP, with the errors only they produce.</summary>
public sealed class RegisterApiTests : IAsyncLifetime
{
    private CustodianFactory Factory { get; } = new(RepoPaths.Cekura);

    private string _admin = "";

    public Task InitializeAsync()
    {
        _admin = Factory.CreateKey(ApiScope.Admin);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private HttpClient Http => Factory.CreateClient();

    [Fact]
    [CoversCode(VaultErrorCodes.InvalidIdentifier)]
    public async Task A_device_id_that_is_not_an_identifier_is_refused()
    {
        var id = await Factory.Client(_admin).CreateSubjectAsync(new(Email: "device-owner@example.dk"));

        using var response = await RawApi.SendAsync(Http, HttpMethod.Put, $"/v1/subjects/{id}/devices/scale%20of%20Karen", _admin, """{"type": "smart_scale"}""");

        await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.InvalidIdentifier);
    }

    [Fact]
    public async Task A_bound_device_is_listed_and_unbinding_it_is_acknowledged()
    {
        var id = await Factory.Client(_admin).CreateSubjectAsync(new(Email: "device-lister@example.dk"));

        using var bind = await RawApi.SendAsync(Http, HttpMethod.Put, $"/v1/subjects/{id}/devices/SAFE-4100", _admin, """{"type": "alarm_unit", "name": "Hallway alarm", "macAddress": "A4:C1:38:0B:2F:19"}""");
        using var list = await RawApi.SendAsync(Http, HttpMethod.Get, $"/v1/subjects/{id}/devices?purpose=essential.service", _admin);
        using var unbind = await RawApi.SendAsync(Http, HttpMethod.Delete, $"/v1/subjects/{id}/devices/SAFE-4100", _admin);
        using var again = await RawApi.SendAsync(Http, HttpMethod.Delete, $"/v1/subjects/{id}/devices/SAFE-4100", _admin);

        Assert.Equal(HttpStatusCode.NoContent, bind.StatusCode);
        Assert.Contains("alarm_unit", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, unbind.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.UnknownBreach)]
    public async Task An_unknown_breach_is_404()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/breaches/brc_unknown", _admin);

        await RawApi.ProblemAsync(response, HttpStatusCode.NotFound, VaultErrorCodes.UnknownBreach);
    }

    [Fact]
    public async Task A_breach_is_recorded_reported_and_its_people_notified()
    {
        using var recorded = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/breaches", _admin, """{"occurredFrom": "2020-01-01T00:00:00Z", "description": "Backup tape lost.", "categories": ["user.health_and_medical"]}""");
        var id = System.Text.Json.JsonDocument.Parse(await recorded.Content.ReadAsStringAsync()).RootElement.GetProperty("breach").GetProperty("breachId").GetString();
        using var report = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/breaches/{id}/report", _admin, "{}");
        using var notify = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/breaches/{id}/notify", _admin, "{}");

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Contains("Notification of a personal data breach", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, notify.StatusCode);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.AlreadyPublished)]
    public async Task Publishing_the_same_policy_twice_is_a_conflict()
    {
        var text = await File.ReadAllTextAsync(RepoPaths.Cekura);

        using var first = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/policy/versions", _admin, text, "application/yaml");
        using var second = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/policy/versions", _admin, text, "application/yaml");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await RawApi.ProblemAsync(second, HttpStatusCode.Conflict, VaultErrorCodes.AlreadyPublished);
    }

    [Fact]
    public async Task A_policy_over_the_body_limit_is_refused_with_413_and_nothing_is_published()
    {
        var text = await File.ReadAllTextAsync(RepoPaths.Cekura) + "\n# " + new string('x', 2 << 20) + "\n";
        using var before = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/policy/versions", _admin);

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/policy/versions", _admin, text, "application/yaml");
        using var after = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/policy/versions", _admin);

        await RawApi.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, Problems.ApiErrorCodes.BodyTooLarge);
        Assert.Equal(await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());
    }

    [Fact]
    [CoversCode(VaultErrorCodes.NoticePeriodTooShort)]
    public async Task A_material_change_taking_effect_tomorrow_is_refused()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(RepoPaths.Cekura)!, "versions", "policy-2025.yaml"));
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/policy/versions?effective={tomorrow}", _admin, text, "application/yaml");

        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, VaultErrorCodes.NoticePeriodTooShort);
        Assert.Equal("/effective", problem.GetProperty("pointer").GetString());
    }

    [Fact]
    [CoversCode(VaultErrorCodes.UnknownCookieCategory)]
    public async Task Consent_for_a_cookie_category_the_policy_does_not_declare_is_refused_with_the_nearest_names()
    {
        var id = await Factory.Client(_admin).CreateSubjectAsync(new(Email: "cookie-visitor@example.dk"));

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/consents", _admin, """{"purpose": "cookie:statistic", "given": true}""");

        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.UnknownCookieCategory);
        Assert.Contains("statistics", problem.GetProperty("suggestions").EnumerateArray().Select(e => e.GetString()));
    }
}
