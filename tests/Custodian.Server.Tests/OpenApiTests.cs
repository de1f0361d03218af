using System.Net;
using System.Text.Json;

namespace Custodian.Server.Tests;

[Collection(CekuraCollection.Name)]
public sealed class OpenApiTests(CekuraServer server)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    [Fact]
    public async Task Every_v1_operation_has_a_summary_a_success_and_a_problem_response_and_an_example_body_where_it_takes_one()
    {
        var document = await DocumentAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => (Name: $"{o.Name.ToUpperInvariant()} {p.Name}", Method: o.Name, Operation: o.Value)))
            .ToList();
        var problems = new List<string>();

        foreach (var (name, method, operation) in operations)
        {
            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString())) problems.Add($"{name}: no summary");
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            if (!responses.Any(r => r.Name.StartsWith('2'))) problems.Add($"{name}: no 2xx response");
            if (!responses.Any(r => r.Value.TryGetProperty("content", out var c) && c.TryGetProperty("application/problem+json", out _))) problems.Add($"{name}: no problem response");
            if (method is "post" or "put")
            {
                if (!operation.TryGetProperty("requestBody", out var body))
                {
                    problems.Add($"{name}: no request body");
                    continue;
                }

                // A few endpoints take another format (NDJSON readings, the policy YAML): they need a schema, not a JSON example.
                if (!body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    if (!body.GetProperty("content").EnumerateObject().Any(c => c.Name is "application/x-ndjson" or "application/yaml" && c.Value.TryGetProperty("schema", out _)))
                        problems.Add($"{name}: no application/json request body");
                    continue;
                }

                if (!json.TryGetProperty("schema", out _)) problems.Add($"{name}: request body without schema");
                if (!json.TryGetProperty("example", out _)) problems.Add($"{name}: request body without example");
            }
        }

        Assert.True(operations.Count >= 20, $"Only {operations.Count} /v1 operations documented.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_document_describes_bearer_authentication()
    {
        var document = await DocumentAsync();

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("scheme").GetString());
        Assert.Equal("Custodian API", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Health_answers_without_a_key_and_readiness_reports_the_policy_version()
    {
        var http = server.Factory.CreateClient();

        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var readiness = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", readiness.GetProperty("status").GetString());
        Assert.Equal("2018.1", readiness.GetProperty("policy").GetString());
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var http = server.Factory.CreateClient();
        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
