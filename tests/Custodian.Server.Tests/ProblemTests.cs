using System.Net;
using System.Reflection;
using Custodian.Server.Problems;
using Custodian.Vault;

namespace Custodian.Server.Tests;

/// <summary>One test per error code reachable over HTTP; each checks status, code, pointer and the problem shape.</summary>
[Collection(CekuraCollection.Name)]
public sealed class ProblemTests(CekuraServer server)
{
    private HttpClient Http { get; } = server.Factory.CreateClient();

    [Fact]
    public void Every_api_and_vault_error_code_has_a_test_that_provokes_it()
    {
        static IEnumerable<string> Codes(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        var covered = typeof(ProblemTests).Assembly.GetTypes().SelectMany(t => t.GetMethods()).SelectMany(m => m.GetCustomAttributes<CoversCodeAttribute>()).Select(a => a.Code).ToHashSet();

        var missing = Codes(typeof(ApiErrorCodes)).Concat(Codes(typeof(VaultErrorCodes))).Where(c => !covered.Contains(c)).ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("POST", "/v1/statistics", "admin", """{"purpose": "essential.service", "minimumGroup": 2}""", HttpStatusCode.OK)]
    [InlineData("POST", "/v1/statistics", "admin", """{"purpose": "essential.service", "minimumGroup": 1}""", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/v1/statistics", "admin", "{", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/v1/statistics", null, """{"purpose": "essential.service"}""", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/v1/no-such-thing", "admin", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/v1/test/failure", "admin", null, HttpStatusCode.InternalServerError)]
    public async Task Every_v1_answer_is_not_stored_and_not_sniffed(string method, string path, string? key, string? body, HttpStatusCode status)
    {
        using var response = await RawApi.SendAsync(Http, new HttpMethod(method), path, key is null ? null : server.AdminKey, body);

        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    [CoversCode(ApiErrorCodes.InvalidJson)]
    public async Task Broken_json_is_invalid_json_with_a_pointer_to_where_it_broke()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, """{"purpose": "essential.service", "values": [{"category": "user.name", "value": }]}""");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidJson);

        Assert.Equal("/values/0/value", problem.GetProperty("pointer").GetString());
    }

    [Theory]
    [InlineData("""{"purpose": null, "values": [{"category": "user.name", "value": "Ada"}]}""", "/purpose")]
    [InlineData("""{"purpose": "essential.service", "values": [null]}""", "/values/0")]
    [InlineData("""{"purpose": "essential.service", "values": [{"category": "user.name", "value": null}]}""", "/values/0/value")]
    public async Task An_explicit_null_where_a_value_is_required_is_named_with_its_pointer(string body, string at)
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, body);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.MissingField);

        Assert.Equal(at, problem.GetProperty("pointer").GetString());
        Assert.Contains(at, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    public async Task A_body_that_is_not_an_object_says_to_send_one(string body)
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, body);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidJson);

        Assert.Contains("JSON object", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"category": "user.behavior.consumption", "at": "2026-01-01T00:00:00Z", "value": null}""", ApiErrorCodes.MissingField, "/1/value")]
    [InlineData("""{"category": "user.behavior.consumption", "at": "yesterday", "value": "1"}""", ApiErrorCodes.InvalidField, "/1/at")]
    [InlineData("""{"category": "user.behavior.consumption", "at": """, ApiErrorCodes.InvalidJson, "/1/at")]
    [InlineData("null", ApiErrorCodes.InvalidJson, "/1")]
    public async Task A_bad_ndjson_line_is_named_by_number_and_pointer_without_type_names(string second, string code, string at)
    {
        var (id, _) = await server.NewPersonAsync();
        var first = """{"category": "user.behavior.consumption", "at": "2026-01-01T00:00:00Z", "value": "battery 90%"}""";

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/events/ndjson?purpose=essential.service", server.ServiceKey, first + "\n" + second + "\n", "application/x-ndjson");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, code);

        Assert.Equal(at, problem.GetProperty("pointer").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("Line 2: ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Custodian.", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind": "erasur", "email": "enum.typo@example.dk"}""", "/kind", "'erasur' is not a valid 'kind'; use one of access, portability, rectification, erasure, restriction, objection, consent_withdrawal. Did you mean 'erasure'?", "erasure")]
    [InlineData("""{"kind": "access", "email": "enum.typo@example.dk", "channel": "servce"}""", "/channel", "'servce' is not a valid 'channel'; use one of person, service, admin. Did you mean 'service'?", "service")]
    [InlineData("""{"kind": "forget me", "email": "enum.typo@example.dk"}""", "/kind", "'forget me' is not a valid 'kind'; use one of access, portability, rectification, erasure, restriction, objection, consent_withdrawal.", null)]
    [InlineData("""{"kind": 3, "email": "enum.typo@example.dk"}""", "/kind", "number 3 is not a valid 'kind'; use one of access, portability,", null)]
    public async Task A_word_that_is_not_one_of_a_fields_choices_is_named_with_every_choice_and_the_nearest(string body, string at, string detail, string? nearest)
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/requests", server.AdminKey, body);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);

        Assert.Equal(at, problem.GetProperty("pointer").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        if (nearest is null) Assert.False(problem.TryGetProperty("suggestions", out _));
        else Assert.Equal(nearest, problem.GetProperty("suggestions")[0].GetString());
    }

    [Fact]
    [CoversCode(ApiErrorCodes.JsonTooDeep)]
    public async Task Json_nested_deeper_than_the_limit_is_refused_before_it_is_bound()
    {
        var (id, _) = await server.NewPersonAsync();
        var deep = """{"purpose": "essential.service", "values": """ + new string('[', 40) + new string(']', 40) + "}";

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, deep);

        await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.JsonTooDeep);
    }

    [Fact]
    [CoversCode(ApiErrorCodes.BodyTooLarge)]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var big = """{"email": """ + "\"" + new string('a', 2 << 20) + "\"}";

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/subjects", server.ServiceKey, big);

        await RawApi.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ApiErrorCodes.BodyTooLarge);
    }

    [Fact]
    [CoversCode(ApiErrorCodes.UnsupportedMediaType)]
    public async Task A_body_that_is_not_json_is_refused_with_415()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/subjects", server.ServiceKey, "email=a@example.dk", "application/x-www-form-urlencoded");

        await RawApi.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("application/jsonx")]
    [InlineData("application/json-patch")]
    [InlineData("text/json")]
    public async Task A_media_type_that_only_starts_like_json_is_refused_with_415(string mediaType)
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/subjects", server.ServiceKey, """{"email": "a@example.dk"}""", mediaType);

        await RawApi.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType);
    }

    [Fact]
    [CoversCode(ApiErrorCodes.MissingField)]
    public async Task A_missing_required_field_is_named_with_a_pointer()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, """{"purpose": "essential.service"}""");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.MissingField);

        Assert.Equal("/values", problem.GetProperty("pointer").GetString());
    }

    [Fact]
    [CoversCode(ApiErrorCodes.InvalidField)]
    public async Task An_unknown_field_names_the_nearest_known_one()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, """{"purpos": "essential.service", "values": []}""");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);

        Assert.Equal("/purpos", problem.GetProperty("pointer").GetString());
        Assert.Equal("purpose", problem.GetProperty("suggestions")[0].GetString());
        Assert.Contains("Did you mean 'purpose'?", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"a.b": 1}""", "/a.b", "a.b")]
    [InlineData("""{"a/b": 1}""", "/a~1b", "a/b")]
    [InlineData("""{"a~b": 1}""", "/a~0b", "a~b")]
    [InlineData("""{"~/x.y": 1}""", "/~0~1x.y", "~/x.y")]
    [InlineData("""{"it's": 1}""", "/it's", "it's")]
    [InlineData("""{"purpose": "essential.service", "values": [{"category": "contact.email", "value": "a@example.org", "a.b/c": 1}]}""", "/values/0/a.b~1c", "a.b/c")]
    public async Task An_unknown_field_with_special_characters_is_one_escaped_pointer_token(string body, string expected, string name)
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, body);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);

        Assert.Equal(expected, problem.GetProperty("pointer").GetString());
        Assert.Contains($"Unknown field '{name}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("\\u0001", "/values/0")]
    [InlineData("\\u202e", "/values/0")]
    public async Task An_unknown_field_with_a_long_or_unprintable_name_points_at_its_object_without_repeating_it(string suffix, string expected)
    {
        var (id, _) = await server.NewPersonAsync();
        var name = suffix.Length == 0 ? new string('n', 200) : "zqxname" + suffix;
        var body = suffix.Length == 0
            ? $$"""{"purpose": "essential.service", "values": [], "{{name}}": 1}"""
            : $$"""{"purpose": "essential.service", "values": [{"category": "contact.email", "value": "a@example.org", "{{name}}": 1}]}""";

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, body);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);

        Assert.Equal(expected, problem.GetProperty("pointer").GetString());
        var text = problem.ToString();
        Assert.Contains("unknown field", text, StringComparison.Ordinal);
        Assert.DoesNotContain(suffix.Length == 0 ? "nnnnnnnn" : "zqxname", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("$", "")]
    [InlineData("$.values[0].category", "/values/0/category")]
    [InlineData("$['a.b']", "/a.b")]
    [InlineData("$['a/b'].c", "/a~1b/c")]
    [InlineData("$.a~b[12]", "/a~0b/12")]
    [InlineData("$.values[0]['x.y']", "/values/0/x.y")]
    [InlineData("$['it's']", "/it's")]
    [InlineData("$['a]['b']", "/a]['b")]
    public void A_System_Text_Json_path_becomes_an_RFC_6901_pointer(string? path, string expected) =>
        Assert.Equal(expected, RequestBody.ToPointer(path));

    [Fact]
    [CoversCode(ApiErrorCodes.NotFound)]
    public async Task An_unknown_route_is_a_not_found_problem()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/no-such-thing", server.AdminKey);

        await RawApi.ProblemAsync(response, HttpStatusCode.NotFound, ApiErrorCodes.NotFound);
    }

    [Fact]
    [CoversCode(ApiErrorCodes.Internal)]
    public async Task An_unexpected_failure_is_a_500_problem_with_a_trace_id_and_no_details()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/test/failure", server.AdminKey);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.InternalServerError, ApiErrorCodes.Internal);

        Assert.DoesNotContain("must not leak", problem.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        var logged = server.Factory.Logs.Lines.Where(l => l.Text.Contains(problem.GetProperty("traceId").GetString()!, StringComparison.Ordinal)).ToList();
        var line = Assert.Single(logged);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, line.Level);
        Assert.Contains("InvalidOperationException", line.Text, StringComparison.Ordinal);
        Assert.Contains("/v1/test/failure", line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("must not leak", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_request_is_not_logged_with_what_the_caller_sent()
    {
        var (id, email) = await server.NewPersonAsync();
        const string Sent = "Ingeborg Loggetest";

        using var unknown = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, $$"""{"purpose": "essential.service", "values": [{"category": "{{Sent}}", "value": "{{email}}"}]}""");
        using var lookup = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/subjects", server.ServiceKey, $$"""{"email": "{{email}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lookup.StatusCode);
        var lines = server.Factory.Logs.Lines;
        Assert.DoesNotContain(lines, l => l.Text.Contains(Sent, StringComparison.Ordinal) || l.Text.Contains(email, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error && l.Text.Contains("VaultException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_huge_unknown_key_is_refused_without_being_quoted_back_whole()
    {
        var (id, _) = await server.NewPersonAsync();
        var huge = new string('x', 500_000);

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, $$"""{"purpose": "essential.service", "values": [{"category": "{{huge}}", "value": "1"}]}""");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.UnknownCategory);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.True(detail.Length < 300, $"the detail is {detail.Length} characters long");
        Assert.Contains("500000 characters", detail, StringComparison.Ordinal);
    }

    [Fact]
    [CoversCode(ApiErrorCodes.MethodNotAllowed)]
    public async Task A_method_a_path_does_not_answer_is_405_naming_the_methods_it_does()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Put, "/v1/statistics", server.AdminKey, "{}");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.MethodNotAllowed, ApiErrorCodes.MethodNotAllowed);

        Assert.Contains("POST", response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var allow) ? allow : []), StringComparer.Ordinal);
        Assert.Contains("POST", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=abc", "/limit", "whole number")]
    [InlineData("limit=0", "/limit", "1 to 5000")]
    [InlineData("limit=-1", "/limit", "1 to 5000")]
    [InlineData("overdue=maybe", "/overdue", "true or false")]
    public async Task A_query_parameter_that_does_not_parse_is_invalid_field_naming_it(string query, string at, string expected)
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/requests?" + query, server.AdminKey);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);

        Assert.Equal(at, problem.GetProperty("pointer").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reading_batch_sent_as_json_to_the_ndjson_endpoint_is_told_to_send_ndjson()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/events/ndjson?purpose=essential.service", server.ServiceKey, "{}");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType);

        Assert.Contains("application/x-ndjson", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/yaml")]
    [InlineData("application/x-yaml")]
    public async Task A_policy_sent_with_another_yaml_media_type_is_read(string mediaType)
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/policy/versions", server.AdminKey, "custodian: 1\n", mediaType);

        // Read and checked (and refused for what it lacks), not refused for its media type.
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, text);
        Assert.DoesNotContain(ApiErrorCodes.UnsupportedMediaType, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"purpose": "essential.service", "dimensions": ["month", "month"]}""", "/dimensions")]
    [InlineData("""{"purpose": "essential.service", "epsilon": 1e6}""", "/epsilon")]
    [InlineData("""{"purpose": "essential.service", "epsilon": 1e308}""", "/epsilon")]
    [InlineData("""{"purpose": "essential.service", "epsilon": 1e-320}""", "/epsilon")]
    [InlineData("""{"purpose": "essential.service", "epsilon": 0}""", "/epsilon")]
    [InlineData("""{"purpose": "essential.service", "minimumGroup": 1}""", "/minimumGroup")]
    [InlineData("""{"purpose": "essential.service", "minimumGroup": 1001}""", "/minimumGroup")]
    [InlineData("""{"purpose": "essential.service", "minimumGroup": 2147483647}""", "/minimumGroup")]
    [InlineData("""{"purpose": "essential.service", "maxReadingsPerPerson": 0}""", "/maxReadingsPerPerson")]
    [InlineData("""{"purpose": "essential.service", "sum": true, "sumLower": 10, "sumUpper": 1}""", "/sumLower")]
    [InlineData("""{"purpose": "essential.service", "since": "2026-02-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"}""", "/until")]
    public async Task Statistics_parameters_out_of_range_are_invalid_field_naming_them(string body, string at)
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/statistics", server.AdminKey, body);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);

        Assert.Equal(at, problem.GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task A_minimum_group_above_the_policy_range_names_the_range()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/statistics", server.AdminKey, """{"purpose": "essential.service", "minimumGroup": 2147483647}""");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);

        Assert.Contains("from 2 to 1000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_with_an_epsilon_of_many_digits_are_exported_not_a_server_error()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/statistics", server.AdminKey, """{"purpose": "essential.service", "minimumGroup": 2, "epsilon": 0.123456789}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Statistics_without_dimensions_are_one_total()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/statistics", server.AdminKey, """{"purpose": "essential.service", "dimensions": [], "minimumGroup": 2}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var export = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(export.RootElement.GetProperty("rows").GetArrayLength() <= 1);
    }

    [Fact]
    public async Task An_enum_sent_as_a_number_is_refused()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/requests", server.AdminKey, $$"""{"subject": "{{id}}", "kind": 1}""");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, ApiErrorCodes.InvalidField);

        Assert.Equal("/kind", problem.GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task Lifting_an_objection_to_a_purpose_the_policy_does_not_declare_is_unknown_purpose()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Delete, $"/v1/subjects/{id}/objections/not-a-purpose", server.ServiceKey);

        await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.UnknownPurpose);
    }

    [Fact]
    public async Task A_legal_hold_that_ends_in_the_past_is_refused()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/holds", server.AdminKey, """{"reason": "litigation", "until": "2020-01-01T00:00:00Z"}""");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.InvalidValue);

        Assert.Contains("past", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_birth_date_in_the_future_is_refused_without_quoting_it()
    {
        var birth = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/subjects", server.ServiceKey, $$"""{"email": "future.{{Guid.NewGuid():N}}@example.dk", "birthDate": "{{birth}}"}""");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.InvalidValue);

        Assert.DoesNotContain(birth, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.UnknownSubject)]
    public async Task An_unknown_subject_is_404()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Get, "/v1/subjects/sub_doesnotexist/data?purpose=essential.service", server.ServiceKey);

        await RawApi.ProblemAsync(response, HttpStatusCode.NotFound, VaultErrorCodes.UnknownSubject);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.UnknownPurpose)]
    public async Task An_unknown_purpose_is_400_with_the_nearest_purposes_as_suggestions()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Get, $"/v1/subjects/{id}/data?purpose=marketing.communication.email", server.AdminKey);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.UnknownPurpose);

        Assert.Equal("marketing.communications.email", problem.GetProperty("suggestions")[0].GetString());
        Assert.Equal("/purpose", problem.GetProperty("pointer").GetString());
    }

    [Fact]
    [CoversCode(VaultErrorCodes.UnknownCategory)]
    public async Task An_unknown_category_is_400_with_suggestions()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, """{"purpose": "essential.service", "values": [{"category": "user.contact.emial", "value": "x"}]}""");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.UnknownCategory);

        Assert.Contains("user.contact.email", problem.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    [CoversCode(VaultErrorCodes.UnknownRecipient)]
    public async Task An_unknown_recipient_is_400()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Get, $"/v1/subjects/{id}/data?purpose=essential.service.care.disclosure&recipient=family_members", server.ServiceKey);
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.UnknownRecipient);

        Assert.Equal("family_member", problem.GetProperty("suggestions")[0].GetString());
    }

    [Fact]
    [CoversCode(VaultErrorCodes.UnknownPermission)]
    public async Task Consent_to_a_permission_the_policy_does_not_declare_is_400()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/consents", server.ServiceKey, """{"permission": "camera", "given": true}""");

        await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.UnknownPermission);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.LookupTaken)]
    public async Task Registering_an_email_that_is_taken_is_409()
    {
        var (_, email) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/subjects", server.ServiceKey, $$"""{"email": "{{email}}"}""");
        var problem = await RawApi.ProblemAsync(response, HttpStatusCode.Conflict, VaultErrorCodes.LookupTaken);

        Assert.DoesNotContain(email, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.InvalidLookup)]
    public async Task A_phone_number_that_is_not_a_number_is_400()
    {
        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, "/v1/subjects", server.ServiceKey, """{"phone": "call me maybe"}""");

        await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.InvalidLookup);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.SubjectErased)]
    public async Task Collecting_about_an_erased_person_is_410()
    {
        var (id, _) = await server.NewPersonAsync();
        var store = server.Factory.Runtime.Vault.Store;
        await using (var transaction = await store.BeginAsync(CancellationToken.None))
        {
            await transaction.ShredSubjectAsync(id, DateTimeOffset.UtcNow, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/records", server.ServiceKey, """{"purpose": "essential.service", "values": [{"category": "user.name", "value": "x"}]}""");

        await RawApi.ProblemAsync(response, HttpStatusCode.Gone, VaultErrorCodes.SubjectErased);
    }

    [Fact]
    public async Task Ledger_writes_about_an_unknown_merged_or_erased_person_are_refused_and_write_nothing()
    {
        var (survivor, _) = await server.NewPersonAsync();
        var (merged, _) = await server.NewPersonAsync();
        var (erased, _) = await server.NewPersonAsync();
        await server.Admin.MergeSubjectsAsync(survivor, merged);
        var store = server.Factory.Runtime.Vault.Store;
        await using (var transaction = await store.BeginAsync(CancellationToken.None))
        {
            await transaction.ShredSubjectAsync(erased, DateTimeOffset.UtcNow, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        var head = await store.GetAuditHeadAsync(CancellationToken.None);
        (string Id, HttpStatusCode Status, string Code)[] people =
        [
            ("sub_doesnotexist", HttpStatusCode.NotFound, VaultErrorCodes.UnknownSubject),
            (merged, HttpStatusCode.NotFound, VaultErrorCodes.UnknownSubject),
            (erased, HttpStatusCode.Gone, VaultErrorCodes.SubjectErased),
        ];
        foreach (var (id, status, code) in people)
        {
            using var objection = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/objections", server.ServiceKey, """{"purpose": "marketing.communications.post"}""");
            using var consent = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/consents", server.ServiceKey, """{"given": true, "purpose": "marketing.communications.email"}""");
            using var restriction = await RawApi.SendAsync(Http, HttpMethod.Put, $"/v1/subjects/{id}/restriction", server.ServiceKey, """{"restricted": true}""");

            var problem = await RawApi.ProblemAsync(objection, status, code);
            await RawApi.ProblemAsync(consent, status, code);
            await RawApi.ProblemAsync(restriction, status, code);
            if (id == merged) Assert.Contains(survivor, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(head.Sequence, (await store.GetAuditHeadAsync(CancellationToken.None)).Sequence);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.NotASecret)]
    public async Task Verifying_a_category_that_is_not_a_secret_is_400()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/secrets/user.contact.email/verify", server.ServiceKey, """{"value": "x", "purpose": "essential.service"}""");

        await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.NotASecret);
    }

    [Fact]
    [CoversCode(VaultErrorCodes.InvalidMerge)]
    public async Task Merging_a_person_into_themselves_is_400()
    {
        var (id, _) = await server.NewPersonAsync();

        using var response = await RawApi.SendAsync(Http, HttpMethod.Post, $"/v1/subjects/{id}/merge", server.AdminKey, $$"""{"mergedId": "{{id}}"}""");

        await RawApi.ProblemAsync(response, HttpStatusCode.BadRequest, VaultErrorCodes.InvalidMerge);
    }
}
