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
