using System.Text.Json;
using Custodian.Policy;
using Custodian.Statement;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Requests;

/// <summary>
/// Writes the machine-readable access package (Art. 15) as JSON straight to a stream: every record and event decrypted,
/// per category its purposes, legal bases, recipients, source and deletion, the consent receipts, and the Art. 15
/// information. Events are paged and flushed, so a person with millions of readings exports in bounded memory.
/// Secrets are never included (CK1): only a note that they exist.
/// </summary>
public static class AccessPackageWriter
{
    /// <summary>The format id written at the top of the package.</summary>
    public const string Format = "custodian.access.v1";

    /// <summary>Writes the package for <paramref name="subjectId"/> to <paramref name="output"/>; returns the events written.</summary>
    public static async Task<long> WriteAsync(DataVault vault, string subjectId, string language, Stream output, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var policy = vault.Policy;
        var document = policy.Document;
        var records = await vault.ReadForRightsAsync(subjectId, "access", actor, cancellationToken);
        var state = await vault.Store.LoadSubjectStateAsync(subjectId, cancellationToken);
        var text = StatementText.For(language) ?? StatementText.En;
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("subject", subjectId);
        json.WriteString("language", language);
        json.WriteString("policy_version", document.Version);

        json.WriteStartArray("records");
        foreach (var item in records)
        {
            var r = item.Record;
            json.WriteStartObject();
            json.WriteString("id", r.RecordId);
            json.WriteString("category", r.CategoryKey);
            if (item.Secret) json.WriteString("note", "secret: stored only as a one-way hash; never disclosed");
            else json.WriteString("value", item.Value);
            json.WriteString("source", SourceName(r.Source));
            json.WriteString("collected_for", r.PurposeKey);
            json.WriteString("collected_at", r.CollectedAt);
            json.WriteNumber("version", r.Version);
            if (item.HeldForLegalDuty) json.WriteBoolean("kept_for_legal_duty_only", true);
            if (r.ExpiresAt is { } expires) json.WriteString("deleted_on", expires);
            else json.WriteString("deleted", string.Join("; ", CategoryFacts.For(policy, r.CategoryKey, language).Retention));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        var categories = records.Select(r => r.Record.CategoryKey).ToHashSet(StringComparer.Ordinal);
        json.WriteStartArray("events");
        var events = await vault.VisitEventsForRightsAsync(
            subjectId,
            "access",
            (in DecryptedEvent e) =>
            {
                categories.Add(e.CategoryKey);
                json.WriteStartObject();
                json.WriteString("id"u8, e.Utf8EventId);
                json.WriteString("category", e.CategoryKey);
                json.WriteString("at", e.At);
                if (e.DeviceId is not null) json.WriteString("device", e.DeviceId);
                json.WriteString("value", e.Utf8Value);
                json.WriteEndObject();
            },
            async ct => await json.FlushAsync(ct),
            actor,
            cancellationToken);
        json.WriteEndArray();

        json.WriteStartArray("categories");
        foreach (var key in categories.Order(StringComparer.Ordinal))
        {
            var facts = CategoryFacts.For(policy, key, language);
            json.WriteStartObject();
            json.WriteString("category", key);
            json.WriteString("name", facts.Name);
            json.WriteStartArray("purposes");
            foreach (var (purpose, name, basis) in facts.Purposes)
            {
                json.WriteStartObject();
                json.WriteString("purpose", purpose);
                json.WriteString("name", name);
                json.WriteString("legal_basis", BasisName(basis));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteStrings(json, "recipients", facts.Recipients);
            WriteStrings(json, "sources", records.Where(r => r.Record.CategoryKey == key).Select(r => SourceName(r.Record.Source)).Distinct().DefaultIfEmpty("device"));
            WriteStrings(json, "retention", facts.Retention);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("consents");
        foreach (var c in state?.Consents ?? [])
        {
            json.WriteStartObject();
            json.WriteString("receipt", c.ConsentId);
            json.WriteString("key", c.Key);
            json.WriteString("kind", c.Kind.ToString().ToLowerInvariant());
            json.WriteString("state", c.Given ? "given" : "withdrawn");
            json.WriteBoolean("explicit", c.Explicit);
            json.WriteString("at", c.At);
            json.WriteString("policy_version", c.PolicyVersion);
            json.WriteString("method", c.Method);
            if (c.Controller is not null) json.WriteString("controller", c.Controller);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteInformation(json, policy, text, language);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return events;
    }

    private static void WriteInformation(Utf8JsonWriter json, CompiledPolicy policy, StatementText text, string language)
    {
        var document = policy.Document;
        json.WriteStartObject("information");
        WriteParty(json, "controller", document.Controller);
        if (document.Dpo is { } dpo) WriteParty(json, "dpo", dpo);
        WriteParty(json, "complaint_authority", document.Authority);
        json.WriteStartArray("purposes");
        foreach (var p in policy.Purposes)
        {
            json.WriteStartObject();
            json.WriteString("purpose", p.Key);
            json.WriteString("name", p.Definition.Name.Get(language));
            json.WriteString("legal_basis", BasisName(p.Basis));
            json.WriteString("legal_basis_text", text.Basis(p.Basis));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("recipients");
        foreach (var r in policy.Recipients)
        {
            var inside = Transfers.IsInsideEea(r.Definition.Country);
            json.WriteStartObject();
            json.WriteString("recipient", r.Key);
            json.WriteString("name", r.Definition.Name);
            json.WriteString("role", r.Definition.Role.ToString().ToLowerInvariant());
            json.WriteString("country", r.Definition.Country);
            json.WriteBoolean("transfer_outside_eea", !inside);
            json.WriteString("safeguard", text.Mechanism(r.Definition.Mechanism, inside));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("retention");
        foreach (var rule in document.Retention.Rules)
        {
            json.WriteStartObject();
            json.WriteString("rule", rule.Id);
            json.WriteString("period", text.RetentionPeriod(rule));
            json.WriteBoolean("legal_duty", rule.LegalDuty);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("rights");
        foreach (var right in document.Rights.Offered)
        {
            var (label, description) = text.Right(right, document.Authority.Name);
            json.WriteStartObject();
            json.WriteString("right", right.ToString().ToLowerInvariant());
            json.WriteString("label", label);
            json.WriteString("text", description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("response_time", text.ResponseTime(document.Rights.ResponseTime));
        json.WriteEndObject();
    }

    private static void WriteParty(Utf8JsonWriter json, string name, Party party)
    {
        json.WriteStartObject(name);
        json.WriteString("name", party.Name);
        if (party.Address is not null) json.WriteString("address", party.Address);
        if (party.Email is not null) json.WriteString("email", party.Email);
        if (party.Phone is not null) json.WriteString("phone", party.Phone);
        if (party.Url is not null) json.WriteString("url", party.Url);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>The source as the package and the CSV name it.</summary>
    public static string SourceName(RecordSource source) => source switch
    {
        RecordSource.ThirdParty => "third_party",
        _ => source.ToString().ToLowerInvariant(),
    };

    private static string BasisName(LegalBasis basis) => System.Text.RegularExpressions.Regex.Replace(basis.ToString(), "(?<=[a-z])([A-Z])", "_$1").ToLowerInvariant();
}
