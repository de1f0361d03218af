using System.Globalization;
using Custodian.Crypto;

namespace Custodian.Scenarios;

public sealed partial class ScenarioRunner
{
    private static async Task<ExpectationOutcome> ExpectAsync(Run run, ScenarioStep step, CancellationToken ct)
    {
        var vault = run.Vault;
        var what = step.Text("expect") ?? "";
        var category = step.Text("category");
        var purpose = step.Text("purpose");
        var recipient = step.Text("recipient");
        var reason = step.Text("reason");
        var who = step.Subject ?? "";
        var date = step.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        ExpectationOutcome Outcome(string description, bool passed, string expected, string actual) =>
            new(step.Location, $"{date} {description}", passed, expected, actual);

        switch (what)
        {
            case "allow" or "deny":
                {
                    var answer = (await vault.DecideAsync(run.Subject(step), [new Vault.DecisionQuestion(Required(category, "category"), Required(purpose, "purpose"), recipient)], null, Actor, ct))[0];
                    var to = recipient is null ? "" : $" to {recipient}";
                    var description = $"{who}: {category} for {purpose}{to} is {(what == "allow" ? "allowed" : "denied")}" + (reason is null ? "" : $" ({reason})");
                    var actual = answer.Allowed ? "allow" : $"deny ({string.Join(", ", answer.Reasons)}; {answer.Clause})";
                    var passed = (what == "allow") == answer.Allowed && (reason is null || answer.Reasons.Contains(reason));
                    return Outcome(description, passed, reason is null ? what : $"{what} ({reason})", actual);
                }

            case "read":
                {
                    var result = await vault.ReadAsync(run.Subject(step), Required(purpose, "purpose"), recipient, category is null ? null : [category], Actor, ct);
                    var values = result.Values.Select(v => v.Value).ToList();
                    var denied = result.Denied.SelectMany(d => d.Reasons).Distinct().ToList();
                    var returns = step.Text("returns");
                    var actual = values.Count > 0 ? string.Join(", ", values) : $"nothing ({string.Join(", ", denied)})";
                    if (returns is "nothing" or null)
                    {
                        var passed = values.Count == 0 && (reason is null || denied.Contains(reason));
                        return Outcome($"{who}: reading {category} for {purpose} returns nothing" + (reason is null ? "" : $" ({reason})"), passed, reason is null ? "nothing" : $"nothing ({reason})", actual);
                    }

                    return Outcome($"{who}: reading {category} for {purpose} returns '{returns}'", values.Contains(returns), returns, actual);
                }

            case "stored" or "not_stored":
                {
                    var records = await vault.Store.GetRecordsAsync(run.Subject(step), Required(category, "category"), ct);
                    var live = records.Count(r => r.Sealed is not null && r.ErasedAt is null);
                    var passed = (what == "stored") == (live > 0);
                    return Outcome($"{who}: {category} is {(what == "stored" ? "stored" : "not stored")}", passed, what == "stored" ? "stored" : "not stored", live > 0 ? $"{live} record(s) stored" : "none stored");
                }

            case "refused":
                {
                    var refusal = run.LastCollect?.Refused.FirstOrDefault(r => r.CategoryKey == category);
                    var actual = refusal is null ? "stored" : $"refused ({string.Join(", ", refusal.Reasons)})";
                    var passed = refusal is not null && (reason is null || refusal.Reasons.Contains(reason));
                    return Outcome($"{who}: the last collection refused {category}" + (reason is null ? "" : $" ({reason})"), passed, reason is null ? "refused" : $"refused ({reason})", actual);
                }

            case "missing_required":
                {
                    var expected = step.List("categories").Order(StringComparer.Ordinal).ToList();
                    var actual = (run.LastCollect?.MissingRequired ?? []).Order(StringComparer.Ordinal).ToList();
                    var shown = expected.Count == 0 ? "none" : string.Join(", ", expected);
                    return Outcome($"{who}: after the last collection the mandatory categories still missing are {shown}", expected.SequenceEqual(actual), shown, actual.Count == 0 ? "none" : string.Join(", ", actual));
                }

            case "events":
                {
                    var last = run.LastEvents;
                    var stored = step.Text("stored");
                    var coarsened = step.Text("coarsened");
                    var dropped = step.Map("dropped");
                    var actual = last is null ? "no event batch" : $"stored {last.Stored} (coarsened {last.Coarsened}), dropped {{{string.Join(", ", last.Dropped.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}: {d.Value}"))}}}";
                    var expected = $"stored {stored ?? "any"} (coarsened {coarsened ?? "any"}), dropped {{{string.Join(", ", dropped.Select(d => $"{d.Key}: {d.Value}"))}}}";
                    var passed = last is not null
                        && (stored is null || last.Stored.ToString(CultureInfo.InvariantCulture) == stored)
                        && (coarsened is null || last.Coarsened.ToString(CultureInfo.InvariantCulture) == coarsened)
                        && dropped.All(d => last.Dropped.GetValueOrDefault(d.Key).ToString(CultureInfo.InvariantCulture) == d.Value)
                        && last.Dropped.Keys.All(k => dropped.Any(d => d.Key == k));
                    return Outcome($"{who}: the last event batch", passed, expected, actual);
                }

            case "password":
                {
                    var verifies = step.Flag("verifies", true);
                    var secret = category ?? "user.authorization.password";
                    var ok = await vault.VerifySecretAsync(run.Subject(step), secret, step.Text("value") ?? "", SecretPurpose(vault, step, secret), Actor, ct);
                    return Outcome($"{who}: the password {(verifies ? "verifies" : "does not verify")}", ok == verifies, verifies ? "verifies" : "rejected", ok ? "verifies" : "rejected");
                }

            case "found":
                {
                    var (kind, value) = step.Text("email") is { } email ? (LookupKind.Email, email)
                        : step.Text("phone") is { } phone ? (LookupKind.Phone, phone)
                        : (LookupKind.UserName, step.Text("user_name") ?? "");
                    var found = await vault.FindSubjectAsync(kind, value, Actor, ct);
                    var expectedId = run.Alias(who);
                    var actualAlias = run.Subjects.FirstOrDefault(s => s.Value == found).Key ?? found ?? "nobody";
                    return Outcome($"looking up by {kind.ToString().ToLowerInvariant()} finds {who}", found == expectedId, who, actualAlias);
                }

            case "policy_version":
                {
                    var expected = Required(step.Text("version"), "version");
                    var actual = vault.Policy.Document.Version;
                    return Outcome($"the policy in force is version {expected}", actual == expected, expected, actual);
                }

            case "notices":
                {
                    var template = step.Text("template") ?? "policy_change";
                    var expected = Required(step.Text("count"), "count");
                    var messages = (await vault.Store.GetMessagesAsync(null, ct)).Count(m => m.Template == template && (step.Subject is null || m.SubjectId == run.Alias(step.Subject)));
                    var actual = messages.ToString(CultureInfo.InvariantCulture);
                    var material = step.Text("material");
                    var publishedMaterial = run.LastPublish?.Version.Material;
                    var passed = actual == expected && (material is null || publishedMaterial?.ToString().ToLowerInvariant() == material);
                    return Outcome($"{(step.Subject is null ? "" : who + ": ")}{expected} '{template}' notice(s) queued" + (material is null ? "" : $" for a {(material == "true" ? "material" : "minor")} change"), passed, expected + (material is null ? "" : $", material {material}"), actual + (material is null ? "" : $", material {publishedMaterial}"));
                }

            case "breach":
                {
                    var name = Required(step.Text("name"), "name");
                    var status = await vault.GetBreachAsync(run.Breach(name), ct);
                    var affected = step.Text("affected");
                    var overdue = step.Text("overdue");
                    var actual = $"{status.Breach.AffectedPeople} affected, overdue {status.Overdue.ToString().ToLowerInvariant()}";
                    var expected = $"{affected ?? "any"} affected, overdue {overdue ?? "any"}";
                    var passed = (affected is null || status.Breach.AffectedPeople.ToString(CultureInfo.InvariantCulture) == affected)
                        && (overdue is null || string.Equals(status.Overdue.ToString(), overdue, StringComparison.OrdinalIgnoreCase));
                    return Outcome($"breach '{name}': {expected} (72 hours from discovery)", passed, expected, actual);
                }

            case "statistics":
                {
                    var k = int.Parse(Required(step.Text("minimum_group"), "minimum_group"), CultureInfo.InvariantCulture);
                    var export = await vault.ExportStatisticsAsync(new Statistics.StatisticsRequest
                    {
                        Purpose = Required(purpose, "purpose"),
                        Categories = step.List("categories"),
                        Dimensions = step.List("dimensions") is { Count: > 0 } d ? d : ["category", "month"],
                        MinimumGroup = k,
                    }, Actor, ct);
                    var people = step.Text("people");
                    var smallest = export.Rows.Count == 0 ? 0 : export.Rows.Min(r => r.People);
                    var passed = export.Rows.All(r => r.People >= k) && (people is null || export.Parameters.PeopleIncluded.ToString(CultureInfo.InvariantCulture) == people);
                    var actual = $"{export.Rows.Count} group(s), smallest {smallest}, {export.Parameters.PeopleIncluded} people counted, {export.Parameters.GroupsSuppressed} suppressed";
                    return Outcome($"anonymous statistics for {purpose}: no group below {k} people" + (people is null ? "" : $", {people} people counted"), passed, $"every group ≥ {k}" + (people is null ? "" : $", {people} people"), actual);
                }

            case "audit_valid":
                {
                    var result = await vault.VerifyAuditAsync(ct);
                    return Outcome("the audit chain verifies", result.IsValid, "valid", result.IsValid ? $"valid ({result.EntriesVerified} entries)" : result.Message);
                }

            case "archived" or "gone" or "anonymised":
                return await ExpectRetentionAsync(run, step, what, Outcome, ct);

            default:
                return await ExpectOnRequestAsync(run, step, Outcome, ct) ?? throw new InvalidOperationException($"cannot expect '{what}'");
        }
    }

    private static string Required(string? value, string name) =>
        value ?? throw new InvalidOperationException($"this expectation needs '{name}:'");
}
