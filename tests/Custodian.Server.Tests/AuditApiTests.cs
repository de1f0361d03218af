using System.Net;
using System.Text.Json;
using Custodian.Server.Problems;

namespace Custodian.Server.Tests;

/// <summary>The audit trail read over the API: pages that join up, for admin and auditor keys only, with no personal value in them.</summary>
[Collection(CekuraCollection.Name)]
public sealed class AuditApiTests(CekuraServer server)
{
    private HttpClient Http { get; } = server.Factory.CreateClient();

    [Fact]
    public async Task Pages_from_the_start_join_up_to_the_head_and_hold_ids_not_values()
    {
        var (id, email) = await server.NewPersonAsync();
        await server.Service.CollectAsync(id, new("essential.service", [new("user.name", "Agnete Auditsen")]));
        await server.Service.ReadAsync(id, "essential.service");

        var sequences = new List<long>();
        var texts = new List<string>();
        long? from = 1;
        long head = 0;
        while (from is { } start)
        {
            using var response = await RawApi.SendAsync(Http, HttpMethod.Get, $"/v1/audit?from={start}&limit=1000", server.AuditorKey);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            using var page = JsonDocument.Parse(text);
            head = Math.Max(head, page.RootElement.GetProperty("head").GetInt64());
            sequences.AddRange(page.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
            texts.Add(text);
            from = page.RootElement.TryGetProperty("next", out var next) ? next.GetInt64() : null;
        }

        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.True(sequences[^1] >= head);
        var all = string.Concat(texts);
        Assert.Contains($"\"subjectId\":\"{id}\"", all, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"record.read\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain(email, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Agnete", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_latest_page_ends_at_the_head_and_the_reading_is_itself_audited()
    {
        var (id, _) = await server.NewPersonAsync();
        await server.Service.ReadAsync(id, "essential.service");

        using var first = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/audit?limit=3", server.AdminKey);
        using var firstPage = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var entries = firstPage.RootElement.GetProperty("entries").EnumerateArray().ToList();

        Assert.Equal(3, entries.Count);
        Assert.Equal(firstPage.RootElement.GetProperty("head").GetInt64(), entries[^1].GetProperty("sequence").GetInt64());
        Assert.False(firstPage.RootElement.TryGetProperty("next", out _), "a page that reaches the head has no next page");

        using var second = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/audit?limit=50", server.AdminKey);
        using var secondPage = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains(secondPage.RootElement.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "audit.read");
    }

    [Fact]
    public async Task Showing_and_listing_requests_are_audited_with_the_request_and_the_filters()
    {
        var (id, email) = await server.NewPersonAsync();
        using var submitted = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/requests", server.AdminKey, $$"""{"kind": "access", "subject": "{{id}}", "email": "{{email}}"}""");
        var requestId = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var shown = await RawApi.SendAsync(Http, HttpMethod.Get, $"/v1/requests/{requestId}", server.AdminKey);
        using var listed = await RawApi.SendAsync(Http, HttpMethod.Get, $"/v1/requests?subject={id}&kind=access&limit=10", server.AdminKey);
        using var odd = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/requests?subject=" + Uri.EscapeDataString("not an id " + new string('x', 300)), server.AdminKey);

        using var trail = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/audit?limit=20", server.AdminKey);
        var entries = JsonDocument.Parse(await trail.Content.ReadAsStringAsync()).RootElement.GetProperty("entries").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        var show = Assert.Single(entries, e => e.GetProperty("action").GetString() == "request.show");
        Assert.Equal(id, show.GetProperty("subjectId").GetString());
        Assert.Equal(requestId, show.GetProperty("details").GetProperty("request").GetString());
        var list = entries.First(e => e.GetProperty("action").GetString() == "request.list");
        Assert.Equal(id, list.GetProperty("subjectId").GetString());
        Assert.Equal("access", list.GetProperty("details").GetProperty("kind").GetString());
        Assert.Equal(1, list.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task A_service_key_cannot_read_the_trail()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/audit", server.ServiceKey);

        await RawApi.ProblemAsync(response, HttpStatusCode.Forbidden, ApiErrorCodes.ScopeForbidden);
    }

    [Theory]
    [InlineData("limit=0", "/limit")]
    [InlineData("limit=1001", "/limit")]
    [InlineData("from=0", "/from")]
    [InlineData("from=abc", "/from")]
    public async Task Paging_values_out_of_range_are_invalid_field(string query, string at)
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/audit?" + query, server.AdminKey);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);

        Assert.Equal(at, problem.GetProperty("pointer").GetString());
    }
}
