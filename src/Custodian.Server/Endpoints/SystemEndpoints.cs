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
            throw new Problems.ApiProblemException(StatusCodes.Status415UnsupportedMediaType, Problems.ApiErrorCodes.UnsupportedMediaType, "Send the policy file as 'Content-Type: application/yaml'.");
        using var reader = new StreamReader(context.Request.Body);
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
