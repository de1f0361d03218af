using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Custodian.Policy;
using Custodian.Requests;

namespace Custodian.Scenarios;

/// <summary>Data-subject request steps (<c>request</c>, <c>complete_request</c>, <c>extend_request</c>, <c>deny_request</c>, <c>erase_children</c>) and their expectations.</summary>
public sealed partial class ScenarioRunner
{
    private static async Task<bool> ActOnRequestAsync(Run run, ScenarioStep step, CancellationToken ct)
    {
        var arg = step.Text(step.Kind) ?? "";
        switch (step.Kind)
        {
            case "request":
                {
                    var kind = ParseKind(arg);
                    var verify = step.Flag("verify");
                    var channel = step.Text("by") switch
                    {
                        "person" => RequestChannel.Person,
                        "service" => RequestChannel.Service,
                        "admin" => RequestChannel.Admin,
                        null => verify ? RequestChannel.Person : RequestChannel.Admin,
                        var other => throw new InvalidOperationException($"'by: {other}' is not a channel; write person, service or admin"),
                    };
                    var subject = run.Subject(step);
                    var email = step.Text("email") ?? run.Emails.GetValueOrDefault(step.Subject ?? "");
                    var request = await run.Desk.SubmitAsync(new RequestSubmission(kind, channel, channel == RequestChannel.Person ? null : subject, email, step.Text("language"), step.Text("purpose")), Actor, ct);
                    if (channel == RequestChannel.Person && verify)
                    {
                        var message = (await run.Vault.Store.GetMessagesAsync(request.RequestId, ct)).Last(m => m.Template == "verification_code");
                        var code = Regex.Match(run.Desk.Outbox.Open(message)!.Body, @"\b\d{6}\b").Value;
                        await run.Desk.VerifyAsync(request.RequestId, code, ct);
                    }

                    var name = step.Text("name") ?? arg;
                    run.Requests[name] = request.RequestId;
                    run.Requests["\0last:" + step.Subject] = request.RequestId;
                    return true;
                }

            case "complete_request":
                await run.Desk.CompleteAsync(RequestId(run, step, arg), step.Text("category"), step.Text("value"), Actor, ct);
                return true;
            case "extend_request":
                await run.Desk.ExtendAsync(RequestId(run, step, arg), step.Text("by") is { } by ? IsoPeriod.Parse(by) : null, step.Text("reason") ?? "The request is complex.", Actor, ct);
                return true;
            case "deny_request":
                await run.Desk.DenyAsync(RequestId(run, step, arg), step.Text("reason_code") ?? "manifestly_unfounded", step.Text("reason") ?? "The request is manifestly unfounded.", Actor, ct);
                return true;
            case "erase_children":
                await run.Vault.EraseChildrenWithoutGuardianAsync(Actor, ct);
                return true;
            default:
                return false;
        }
    }

    private static async Task<ExpectationOutcome?> ExpectOnRequestAsync(Run run, ScenarioStep step, Func<string, bool, string, string, ExpectationOutcome> outcome, CancellationToken ct)
    {
        var who = step.Subject ?? "";
        switch (step.Text("expect"))
        {
            case "request":
                {
                    var id = RequestId(run, step, step.Text("name") ?? "");
                    var request = await run.Vault.Store.GetRequestAsync(id, ct) ?? throw new InvalidOperationException($"no request '{id}'");
                    var expected = new List<string>();
                    var actual = new List<string>();
                    void Check(string label, string? want, string have)
                    {
                        if (want is null) return;
                        expected.Add($"{label} {want}");
                        actual.Add($"{label} {have}");
                    }

                    Check("status", step.Text("status"), Snake(request.Status.ToString()));
                    Check("due", step.Text("due"), RequestDesk.Day(request.DueAt));
                    Check("overdue", step.Text("overdue"), request.IsOverdueAt(run.Clock.GetUtcNow()) ? "true" : "false");
                    Check("reason", step.Text("reason"), request.ReasonCode ?? "none");
                    var shown = string.Join(", ", expected);
                    return outcome($"{who}: the {Snake(request.Kind.ToString())} request is {shown}", expected.SequenceEqual(actual), shown, string.Join(", ", actual));
                }

            case "package":
                {
                    var subject = run.Subject(step);
                    using var buffer = new MemoryStream();
                    await AccessPackageWriter.WriteAsync(run.Vault, subject, run.Vault.Policy.Document.Languages[0], buffer, Actor, ct);
                    using var package = JsonDocument.Parse(buffer.ToArray());
                    var withValues = package.RootElement.GetProperty("records").EnumerateArray().Where(r => r.TryGetProperty("value", out _)).Select(r => r.GetProperty("category").GetString()!)
                        .Concat(package.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("category").GetString()!))
                        .ToHashSet(StringComparer.Ordinal);
                    var json = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                    var problems = new List<string>();
                    foreach (var c in step.List("contains").Where(c => !withValues.Any(h => Taxonomy.BuiltInTaxonomy.IsAtOrBelow(h, c)))) problems.Add($"{c} missing");
                    foreach (var c in step.List("not_contains").Where(c => withValues.Any(h => Taxonomy.BuiltInTaxonomy.IsAtOrBelow(h, c)))) problems.Add($"{c} present");
                    foreach (var t in step.List("not_text").Where(t => json.Contains(t, StringComparison.Ordinal))) problems.Add($"text '{t}' present");
                    var kept = step.List("kept");
                    if (kept.Count > 0)
                    {
                        var answer = RequestDesk.AnswerOf((await run.Vault.Store.GetRequestAsync(RequestId(run, step, step.Text("name") ?? ""), ct))!);
                        var actualKept = answer?.Erasure?.Kept.Select(k => $"{k.CategoryKey} ({k.RuleId} until {(k.Until is { } u ? RequestDesk.Day(u) : "?")})").ToList() ?? [];
                        foreach (var k in kept.Where(k => !actualKept.Any(a => a.StartsWith(k + " ", StringComparison.Ordinal) || a == k))) problems.Add($"{k} not said to be kept (kept: {(actualKept.Count == 0 ? "nothing" : string.Join(", ", actualKept))})");
                    }

                    var description = $"{who}: the access package" + string.Concat(
                        step.List("contains").Select(c => $" contains {c};")
                            .Concat(step.List("not_contains").Select(c => $" does not contain {c};"))
                            .Concat(step.List("not_text").Select(t => $" never shows '{t}';"))
                            .Concat(kept.Select(k => $" says {k} was kept;"))).TrimEnd(';');
                    return outcome(description, problems.Count == 0, "all of that", problems.Count == 0 ? "all of that" : string.Join("; ", problems));
                }

            default:
                return null;
        }
    }

    private static string RequestId(Run run, ScenarioStep step, string name) =>
        name.Length > 0 && run.Requests.TryGetValue(name, out var id) ? id
        : name.Length == 0 && run.Requests.TryGetValue("\0last:" + step.Subject, out var last) ? last
        : throw new InvalidOperationException(name.Length == 0 ? $"{step.Subject} has made no request before this step" : $"no request named '{name}' was made before this step");

    private static RequestKind ParseKind(string text) =>
        Enum.TryParse<RequestKind>(text.Replace("_", "", StringComparison.Ordinal), true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidOperationException($"'{text}' is not a request kind; write access, portability, rectification, erasure, restriction, objection or consent_withdrawal");

    private static string Snake(string name) => Regex.Replace(name, "(?<=[a-z])([A-Z])", "_$1").ToLower(CultureInfo.InvariantCulture);
}
