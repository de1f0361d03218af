using Custodian.Audit;
using Custodian.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Custodian.Server.Endpoints;

/// <summary>The policy in force, audit verification, health and readiness.</summary>
internal static class SystemEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/policy", PolicyAsync).WithTags("Policy").WithSummary("The policy in force: id, version, effective date, content hash, languages");
        v1.MapGet("/policy/versions", VersionsAsync).WithTags("Policy").WithSummary("Published policy versions, with what changed and when each takes effect");
        v1.MapPost("/policy/versions", PublishAsync).Accepts<string>("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithTags("Policy").WithSummary("Publish a new policy version (admin)")
            .WithDescription("Body: the policy YAML (Content-Type application/yaml); query 'effective=YYYY-MM-DD'. A material change must respect the notice period and queues notices to people.");
        v1.MapGet("/audit", ReadAuditAsync).ProducesProblem(StatusCodes.Status400BadRequest).WithTags("Audit").WithSummary("Read the audit trail (admin, auditor)")
            .WithDescription("Entries oldest first: the latest 'limit' (default 100, at most 1,000), or those from sequence 'from' on; 'next' is where the following page starts. Entries name ids, purposes, categories and reason codes, never a personal value. The reading is audited.");
        v1.MapGet("/audit/verify", VerifyAsync).WithTags("Audit").WithSummary("Verify the audit chain (admin, auditor)").WithDescription("Walks the hash chain and checks every signed checkpoint; reports the first broken link.");
    }

    public static void MapHealth(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").ExcludeFromDescription();
        app.MapGet("/readyz", ReadyAsync).WithTags("Health").ExcludeFromDescription();
    }

    private static async Task<Ok<PolicySummary>> PolicyAsync(HttpContext context, CustodianRuntime runtime)
    {
        var policy = runtime.Policy;
        await runtime.Vault.RecordCallAsync(context.Actor(), "policy.read", context.RequestAborted);
        var document = policy.Document;
        return TypedResults.Ok(new PolicySummary(document.Id, document.Version, document.Effective, policy.ContentHash, document.Languages, document.Controller.Name,
            policy.Purposes.Select(p => p.Key).ToList(), policy.CollectedCategories.Select(c => c.Key).ToList(), policy.Recipients.Select(r => r.Key).ToList(), policy.Permissions.Select(p => p.Key).ToList()));
    }

    private static async Task<Ok<IReadOnlyList<Storage.PolicyVersionRecord>>> VersionsAsync(HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin, ApiScope.Auditor);
        return TypedResults.Ok(await runtime.Vault.Store.GetPolicyVersionsAsync(context.RequestAborted));
    }

    private static async Task<Created<Vault.PublishResult>> PublishAsync(string? effective, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        if (context.Request.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) != true)
            throw new Problems.ApiProblemException(StatusCodes.Status415UnsupportedMediaType, Problems.ApiErrorCodes.UnsupportedMediaType, Problems.UnsupportedMedia.Yaml);
        // A policy is tens of kilobytes; the same 1 MiB limit as every JSON body keeps a huge upload from being parsed.
        using var reader = new StreamReader(new MemoryStream(await Problems.RequestBody.ReadBytesAsync(context)));
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        DateOnly? date = null;
        if (effective is not null)
        {
            if (!DateOnly.TryParseExact(effective, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                throw new Problems.ApiProblemException(StatusCodes.Status400BadRequest, Problems.ApiErrorCodes.InvalidField, $"'effective' must be YYYY-MM-DD, not '{effective}'.", "/effective");
            date = parsed;
        }

        try
        {
            var result = await runtime.Vault.PublishPolicyAsync(text, "request body", date, context.Actor(), context.RequestAborted);
            return TypedResults.Created($"/v1/policy/versions/{result.Version.ContentHash}", result);
        }
        catch (Policy.PolicyException e)
        {
            var first = e.Errors[0];
            throw new Problems.ApiProblemException(StatusCodes.Status400BadRequest, first.Code, $"The policy has {e.Errors.Length} error(s); the first, at line {first.Location.Line}, column {first.Location.Column}: {first.Message}" + (first.Fix is null ? "" : $" — {first.Fix}"));
        }
    }

    private static async Task<Ok<AuditPage>> ReadAuditAsync(long? from, int? limit, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin, ApiScope.Auditor);
        if (from is < 1)
            throw new Problems.ApiProblemException(StatusCodes.Status400BadRequest, Problems.ApiErrorCodes.InvalidField, "'from' must be a sequence number of 1 or more (leave it out for the latest entries).", "/from");
        if (limit is < 1 or > AuditPage.MaxLimit)
            throw new Problems.ApiProblemException(StatusCodes.Status400BadRequest, Problems.ApiErrorCodes.InvalidField, $"'limit' must be a whole number from 1 to {AuditPage.MaxLimit} (default {AuditPage.DefaultLimit}).", "/limit");
        var count = limit ?? AuditPage.DefaultLimit;
        var store = runtime.Vault.Store;
        var head = await store.GetAuditHeadAsync(context.RequestAborted);
        var entries = from is { } start ? await store.ReadAuditAsync(start, count, context.RequestAborted) : await store.ReadLatestAuditAsync(count, context.RequestAborted);

        // Recorded after the page is read, so the page ends where the trail stood when it was asked for.
        await runtime.Vault.RecordCallAsync(context.Actor(), "audit.read", context.RequestAborted);
        var last = entries.Count > 0 ? entries[^1].Sequence : (from ?? head.Sequence + 1) - 1;
        return TypedResults.Ok(new AuditPage(head.Sequence, [.. entries.Select(AuditEntryView.From)], last < head.Sequence ? last + 1 : null));
    }

    private static async Task<Ok<AuditVerificationResult>> VerifyAsync(HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin, ApiScope.Auditor);
        var result = await runtime.Vault.VerifyAuditAsync(context.RequestAborted);
        await runtime.Vault.RecordCallAsync(context.Actor(), "audit.verify", context.RequestAborted);
        return TypedResults.Ok(result);
    }

    private static async Task<IResult> ReadyAsync(CustodianRuntime runtime, CancellationToken cancellationToken)
    {
        try
        {
            var head = await runtime.Vault.Store.GetAuditHeadAsync(cancellationToken);
            return TypedResults.Ok(new { status = "ready", auditEntries = head.Sequence, policy = runtime.Policy.Document.Version });
        }
        catch (InvalidOperationException)
        {
            return TypedResults.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (Problems.StoreFailures.IsUnavailable(e))
        {
            // A load balancer takes this server out of rotation until its database answers again.
            return TypedResults.Json(new { status = "store_unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

/// <summary>The policy in force.</summary>
/// <param name="Id">Policy id.</param>
/// <param name="Version">Its version label.</param>
/// <param name="Effective">When it took effect.</param>
/// <param name="ContentHash">SHA-256 of the file.</param>
/// <param name="Languages">The statement's languages.</param>
/// <param name="Controller">The controller's name.</param>
/// <param name="Purposes">Purpose keys.</param>
/// <param name="Categories">Collected category keys.</param>
/// <param name="Recipients">Recipient keys.</param>
/// <param name="Permissions">Permission keys.</param>
public sealed record PolicySummary(string Id, string Version, DateOnly Effective, string ContentHash, IReadOnlyList<string> Languages, string Controller,
    IReadOnlyList<string> Purposes, IReadOnlyList<string> Categories, IReadOnlyList<string> Recipients, IReadOnlyList<string> Permissions);

/// <summary>A page of the audit trail.</summary>
/// <param name="Head">The sequence number of the newest entry when the page was read.</param>
/// <param name="Entries">The entries, oldest first.</param>
/// <param name="Next">Where the next page starts (<c>from</c>); left out when this page reaches the head.</param>
public sealed record AuditPage(long Head, IReadOnlyList<AuditEntryView> Entries, long? Next)
{
    /// <summary>Entries returned when no limit is given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The most entries one page returns.</summary>
    public const int MaxLimit = 1000;
}

/// <summary>One audit entry: who did what, to whom (a pseudonymous id), for which purpose and why — never a personal value.</summary>
/// <param name="Sequence">Its place in the chain.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who (an API key id, a console session, <c>system</c>).</param>
/// <param name="Action">What (<c>record.read</c>, <c>consent.give</c>, <c>subject.erase</c>…).</param>
/// <param name="SubjectId">The person, if any.</param>
/// <param name="Purpose">The purpose named, if any.</param>
/// <param name="Recipient">The recipient named, if any.</param>
/// <param name="Categories">The categories involved.</param>
/// <param name="ReasonCodes">Reason codes (why refused, why erased…).</param>
/// <param name="Count">A count (values read, records erased…).</param>
/// <param name="Details">Further non-personal details.</param>
public sealed record AuditEntryView(long Sequence, DateTimeOffset At, string Actor, string Action, string? SubjectId, string? Purpose, string? Recipient,
    IReadOnlyList<string> Categories, IReadOnlyList<string> ReasonCodes, long Count, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>The view of a stored entry.</summary>
    public static AuditEntryView From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Sequence, entry.At, entry.Actor, entry.Action, entry.SubjectId, entry.Purpose, entry.Recipient, entry.Categories, entry.ReasonCodes, entry.Count, entry.Details);
    }
}
