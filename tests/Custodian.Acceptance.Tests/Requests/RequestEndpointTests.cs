using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests.Requests;

public sealed partial class RequestEndpointTests(RequestServer server) : IClassFixture<RequestServer>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await JsonAsync(response);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
    }

    private static async Task<string> SubmitAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/v1/requests", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_person_s_own_request_forwarded_by_any_service_key_is_verified_with_the_code_mailed_to_them_and_never_reveals_who_they_are()
    {
        var submitted = await server.OtherApp.PostAsJsonAsync("/v1/requests", new { kind = "access", email = RequestServer.Email });
        var request = await JsonAsync(submitted);
        var id = request.GetProperty("id").GetString()!;
        var mail = Assert.Single(await server.MailBodiesAsync(), b => b.Contains("enter this code", StringComparison.Ordinal));
        var code = CodePattern().Match(mail).Value;

        var wrong = await server.OtherApp.PostAsJsonAsync($"/v1/requests/{id}/verify", new { code = code == "000000" ? "111111" : "000000" });
        var right = await server.OtherApp.PostAsJsonAsync($"/v1/requests/{id}/verify", new { code });

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal("received", request.GetProperty("status").GetString());
        Assert.False(request.TryGetProperty("subject", out _));
        await AssertProblemAsync(wrong, HttpStatusCode.BadRequest, "code_wrong");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("verified", (await JsonAsync(right)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_administrator_completes_an_access_request_and_downloads_it_as_json_html_and_zip()
    {
        var id = await SubmitAsync(server.Admin, new { kind = "access", subject = server.Subject, email = RequestServer.Email });
        var early = await server.Admin.GetAsync($"/v1/requests/{id}/package");

        var completed = await server.Admin.PostAsync($"/v1/requests/{id}/complete", null);
        var json = await server.Admin.GetAsync($"/v1/requests/{id}/package");
        var html = await server.Admin.GetAsync($"/v1/requests/{id}/package?format=html");
        var zip = await server.Admin.GetAsync($"/v1/requests/{id}/package?format=zip");

        await AssertProblemAsync(early, HttpStatusCode.Conflict, "package_not_ready");
        Assert.Equal("completed", (await JsonAsync(completed)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("custodian.access.v1", (await JsonAsync(json)).GetProperty("format").GetString());
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en\">", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Aino Virtanen", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.Contains(archive.Entries, e => e.FullName == "provided.csv");
    }

    [Fact]
    public async Task A_service_key_sees_and_downloads_only_the_requests_it_submitted()
    {
        var id = await SubmitAsync(server.App, new { kind = "portability", subject = server.Subject });
        await server.Admin.PostAsync($"/v1/requests/{id}/complete", null);

        var own = await server.App.GetAsync($"/v1/requests/{id}");
        var package = await server.App.GetAsync($"/v1/requests/{id}/package");
        var others = await server.OtherApp.GetAsync($"/v1/requests/{id}");
        var othersPackage = await server.OtherApp.GetAsync($"/v1/requests/{id}/package");
        var list = await server.App.GetAsync("/v1/requests");
        var complete = await server.App.PostAsync($"/v1/requests/{id}/complete", null);

        var shown = await JsonAsync(own);
        Assert.Equal("service", shown.GetProperty("channel").GetString());
        Assert.Equal(["received", "verified", "in_progress", "completed"], shown.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        Assert.Equal(server.AppKeyId, shown.GetProperty("history")[0].GetProperty("actor").GetString());
        Assert.Equal("application/zip", package.Content.Headers.ContentType?.MediaType);
        await AssertProblemAsync(others, HttpStatusCode.NotFound, "unknown_request");
        await AssertProblemAsync(othersPackage, HttpStatusCode.NotFound, "unknown_request");
        await AssertProblemAsync(list, HttpStatusCode.Forbidden, "scope_forbidden");
        await AssertProblemAsync(complete, HttpStatusCode.Forbidden, "scope_forbidden");
    }

    [Fact]
    public async Task Only_a_service_key_created_to_vouch_files_a_request_verified_at_once()
    {
        var before = (await JsonAsync(await server.Admin.GetAsync($"/v1/requests?subject={server.Subject}"))).GetArrayLength();

        var vouched = await server.OtherApp.PostAsJsonAsync("/v1/requests", new { kind = "access", subject = server.Subject });
        var erasure = await server.OtherApp.PostAsJsonAsync("/v1/requests", new { kind = "erasure", subject = server.Subject, channel = "service" });

        foreach (var refused in new[] { vouched, erasure })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var body = await JsonAsync(refused);
            Assert.Equal("scope_forbidden", body.GetProperty("code").GetString());
            Assert.Equal("/subject", body.GetProperty("pointer").GetString());
            Assert.Contains("--vouch", body.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        }

        var after = (await JsonAsync(await server.Admin.GetAsync($"/v1/requests?subject={server.Subject}"))).GetArrayLength();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_deadline_is_extended_once_and_a_denied_request_cannot_be_completed()
    {
        var id = await SubmitAsync(server.Admin, new { kind = "erasure", subject = server.Subject });

        var extended = await server.Admin.PostAsJsonAsync($"/v1/requests/{id}/extend", new { reason = "Three systems hold your orders." });
        var again = await server.Admin.PostAsJsonAsync($"/v1/requests/{id}/extend", new { reason = "Still busy." });
        var denied = await server.Admin.PostAsJsonAsync($"/v1/requests/{id}/deny", new { reasonCode = "identity_not_proven", reason = "We could not confirm your identity." });
        var complete = await server.Admin.PostAsync($"/v1/requests/{id}/complete", null);
        var deniedList = await JsonAsync(await server.Admin.GetAsync("/v1/requests?status=denied&kind=erasure"));

        Assert.Equal("extended", (await JsonAsync(extended)).GetProperty("status").GetString());
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "extension_refused");
        Assert.Equal("identity_not_proven", (await JsonAsync(denied)).GetProperty("reasonCode").GetString());
        await AssertProblemAsync(complete, HttpStatusCode.Conflict, "request_closed");
        Assert.Contains(deniedList.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task An_extension_that_does_not_lengthen_the_deadline_and_an_empty_correction_are_refused_and_change_nothing()
    {
        var erasure = await SubmitAsync(server.Admin, new { kind = "erasure", subject = server.Subject });
        var rectification = await SubmitAsync(server.Admin, new { kind = "rectification", subject = server.Subject });

        var zero = await server.Admin.PostAsJsonAsync($"/v1/requests/{erasure}/extend", new { reason = "More time.", by = "P0D" });
        var empty = await server.Admin.PostAsJsonAsync($"/v1/requests/{rectification}/complete", new { category = "user.name", value = "  " });
        var extended = await server.Admin.PostAsJsonAsync($"/v1/requests/{erasure}/extend", new { reason = "Three systems hold your orders.", by = "P1M" });
        var shown = await JsonAsync(await server.Admin.GetAsync($"/v1/requests/{rectification}"));

        await AssertProblemAsync(zero, HttpStatusCode.BadRequest, "invalid_request");
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal("extended", (await JsonAsync(extended)).GetProperty("status").GetString());
        Assert.NotEqual("completed", shown.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_filters_unknown_requests_and_unoffered_kinds_answer_with_stable_codes()
    {
        var kind = await server.Admin.GetAsync("/v1/requests?kind=acess");
        var unknown = await server.Admin.GetAsync("/v1/requests/req_nothing");
        var noSubject = await server.Admin.PostAsJsonAsync("/v1/requests", new { kind = "objection", subject = server.Subject });

        var kindBody = await JsonAsync(kind);
        Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        Assert.Equal("invalid_field", kindBody.GetProperty("code").GetString());
        Assert.Contains("access", kindBody.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "unknown_request");
        await AssertProblemAsync(noSubject, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task The_overdue_filter_lists_open_requests_past_their_deadline_first_by_due_date()
    {
        var id = await SubmitAsync(server.Admin, new { kind = "restriction", subject = server.Subject });
        var before = await JsonAsync(await server.Admin.GetAsync("/v1/requests?overdue=true"));
        server.Clock.MoveTo(server.Clock.GetUtcNow().AddDays(40));

        var after = await JsonAsync(await server.Admin.GetAsync("/v1/requests?overdue=true"));
        var all = await JsonAsync(await server.Admin.GetAsync("/v1/requests"));

        Assert.DoesNotContain(before.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.Contains(after.EnumerateArray(), r => r.GetProperty("id").GetString() == id && r.GetProperty("overdue").GetBoolean());
        var due = all.EnumerateArray().Select(r => r.GetProperty("dueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(due.Order(), due);
    }

    [Fact]
    public async Task Completing_one_erasure_at_once_from_several_calls_erases_and_answers_once()
    {
        var person = await server.Runtime.Vault.CreateSubjectAsync(new NewSubject("race@example.fi", null, null, null), "test", CancellationToken.None);
        var id = await SubmitAsync(server.Admin, new { kind = "erasure", subject = person, email = "race@example.fi" });

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.Admin.PostAsync($"/v1/requests/{id}/complete", null)));
        var history = (await JsonAsync(await server.Admin.GetAsync($"/v1/requests/{id}"))).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()).ToList();
        var messages = await server.Runtime.Vault.Store.GetMessagesAsync(id, CancellationToken.None);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains((await JsonAsync(refused)).GetProperty("code").GetString(), new[] { "request_busy", "request_closed" });
        }

        Assert.Single(history, h => h == "completed");
        Assert.Single(history, h => h == "in_progress");
        Assert.Single(messages, m => m.Template == "request_completed");
    }

    [Fact]
    public async Task Wrong_codes_sent_at_once_are_each_counted_and_never_more_than_five_are_tried()
    {
        var id = await SubmitAsync(server.App, new { kind = "access", email = "guess@example.fi" });

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => server.App.PostAsJsonAsync($"/v1/requests/{id}/verify", new { code = "x" + i })));
        var codes = new List<string?>();
        foreach (var answer in answers) codes.Add((await JsonAsync(answer)).GetProperty("code").GetString());
        var stored = await server.Runtime.Vault.Store.GetRequestAsync(id, CancellationToken.None);

        // A try that lost the race for the count is counted on its next read: five are told the code is wrong, the rest
        // that there were too many, and none is turned away as busy.
        Assert.Equal(5, codes.Count(c => c == "code_wrong"));
        Assert.Equal(11, codes.Count(c => c == "too_many_attempts"));
        Assert.Equal(5, stored!.CodeAttempts);
        Assert.Null(stored.CodeHash);
    }

    [Fact]
    public async Task Refused_submissions_and_refusals_name_the_field_at_fault()
    {
        var noEmail = await server.App.PostAsJsonAsync("/v1/requests", new { kind = "access" });
        var badEmail = await server.App.PostAsJsonAsync("/v1/requests", new { kind = "access", email = "aino@example.fi\r\nBcc: x@example.com" });
        var longEmail = await server.App.PostAsJsonAsync("/v1/requests", new { kind = "access", email = new string('a', 300) + "@example.fi" });
        var onBehalfBadEmail = await server.Admin.PostAsJsonAsync("/v1/requests", new { kind = "access", subject = server.Subject, email = "not an address" });
        var noPurpose = await server.App.PostAsJsonAsync("/v1/requests", new { kind = "objection", email = RequestServer.Email });
        var language = await server.App.PostAsJsonAsync("/v1/requests", new { kind = "access", email = RequestServer.Email, language = "fr" });
        var unknown = await server.Admin.PostAsJsonAsync("/v1/requests", new { kind = "access", subject = "sub_nobody" });
        var id = await SubmitAsync(server.Admin, new { kind = "access", subject = server.Subject });
        var freeText = await server.Admin.PostAsJsonAsync($"/v1/requests/{id}/deny", new { reasonCode = "Because we say so", reason = "x" });

        async Task AssertPointerAsync(HttpResponseMessage response, HttpStatusCode status, string code, string pointer)
        {
            Assert.Equal(status, response.StatusCode);
            var body = await JsonAsync(response);
            Assert.Equal(code, body.GetProperty("code").GetString());
            Assert.Equal(pointer, body.GetProperty("pointer").GetString());
            Assert.DoesNotContain("example.fi", body.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        }

        await AssertPointerAsync(noEmail, HttpStatusCode.BadRequest, "invalid_request", "/email");
        await AssertPointerAsync(badEmail, HttpStatusCode.BadRequest, "invalid_request", "/email");
        await AssertPointerAsync(longEmail, HttpStatusCode.BadRequest, "invalid_request", "/email");
        await AssertPointerAsync(onBehalfBadEmail, HttpStatusCode.BadRequest, "invalid_request", "/email");
        await AssertPointerAsync(noPurpose, HttpStatusCode.BadRequest, "invalid_request", "/purpose");
        await AssertPointerAsync(language, HttpStatusCode.BadRequest, "invalid_field", "/language");
        await AssertPointerAsync(unknown, HttpStatusCode.NotFound, "unknown_subject", "/subject");
        await AssertPointerAsync(freeText, HttpStatusCode.BadRequest, "invalid_request", "/reasonCode");
    }

    [Fact]
    public async Task An_erased_person_can_still_ask_for_access_but_nothing_is_left_to_restrict()
    {
        var person = await server.Runtime.Vault.CreateSubjectAsync(new NewSubject("gone@example.fi", null, null, null), "test", CancellationToken.None);
        var erasure = await SubmitAsync(server.Admin, new { kind = "erasure", subject = person });
        await server.Admin.PostAsync($"/v1/requests/{erasure}/complete", null);

        var restriction = await server.Admin.PostAsJsonAsync("/v1/requests", new { kind = "restriction", subject = person });
        var access = await server.Admin.PostAsJsonAsync("/v1/requests", new { kind = "access", subject = person });

        var refused = await JsonAsync(restriction);
        Assert.Equal(HttpStatusCode.Gone, restriction.StatusCode);
        Assert.Equal("subject_erased", refused.GetProperty("code").GetString());
        Assert.Equal("/subject", refused.GetProperty("pointer").GetString());
        Assert.Equal(HttpStatusCode.Created, access.StatusCode);
    }

    [Fact]
    public async Task Extending_or_denying_a_request_without_an_address_answers_that_the_person_was_not_told()
    {
        var id = await SubmitAsync(server.Admin, new { kind = "access", subject = server.Subject });
        var told = await SubmitAsync(server.Admin, new { kind = "access", subject = server.Subject, email = RequestServer.Email });

        var extended = await JsonAsync(await server.Admin.PostAsJsonAsync($"/v1/requests/{id}/extend", new { reason = "Three systems hold your orders." }));
        var denied = await JsonAsync(await server.Admin.PostAsJsonAsync($"/v1/requests/{id}/deny", new { reasonCode = "excessive", reason = "Asked weekly." }));
        var extendedWithAddress = await JsonAsync(await server.Admin.PostAsJsonAsync($"/v1/requests/{told}/extend", new { reason = "Three systems hold your orders." }));

        Assert.Equal("extended", extended.GetProperty("status").GetString());
        Assert.False(extended.GetProperty("notified").GetBoolean());
        Assert.StartsWith($"The person was not told: request {id} has no email address", extended.GetProperty("notNotifiedReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("denied", denied.GetProperty("status").GetString());
        Assert.False(denied.GetProperty("notified").GetBoolean());
        Assert.True(extendedWithAddress.GetProperty("notified").GetBoolean());
        Assert.False(extendedWithAddress.TryGetProperty("notNotifiedReason", out _));
    }

    [Fact]
    public async Task A_deadline_that_has_passed_is_not_extended()
    {
        var id = await SubmitAsync(server.Admin, new { kind = "access", subject = server.Subject });
        var due = (await JsonAsync(await server.Admin.GetAsync($"/v1/requests/{id}"))).GetProperty("dueAt").GetDateTimeOffset();
        server.Clock.MoveTo(due.AddDays(1));

        var late = await server.Admin.PostAsJsonAsync($"/v1/requests/{id}/extend", new { reason = "Three systems hold your orders." });
        var shown = await JsonAsync(await server.Admin.GetAsync($"/v1/requests/{id}"));

        await AssertProblemAsync(late, HttpStatusCode.Conflict, "extension_refused");
        Assert.Equal(due, shown.GetProperty("dueAt").GetDateTimeOffset());
        Assert.True(shown.GetProperty("overdue").GetBoolean());
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();
}
