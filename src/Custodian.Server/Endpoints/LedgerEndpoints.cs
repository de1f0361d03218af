using Custodian.Server.Auth;
using Custodian.Server.Contracts;
using Custodian.Server.Problems;
using Custodian.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Custodian.Server.Endpoints;

/// <summary>The per-person states the decision rule reads: consents, objections, restriction, relationships, holds, authorisations, guardian consent.</summary>
internal static class LedgerEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var subjects = v1.MapGroup("/subjects/{id}").WithTags("Consents and states").WithSubjectProblems();
        subjects.MapPost("/consents", ConsentAsync).AcceptsJson<ConsentRequest>().WithSummary("Give or withdraw consent for a purpose or a permission").WithDescription("Appends to the consent ledger and returns the receipt (ISO/IEC TS 27560 fields). Takes effect at once.");
        subjects.MapGet("/consents", ConsentsAsync).WithSummary("The consent ledger, oldest first");
        subjects.MapPost("/objections", ObjectAsync).AcceptsJson<ObjectionRequest>().WithSummary("Object to a purpose");
        subjects.MapDelete("/objections/{purpose}", LiftObjectionAsync).WithSummary("Lift objections to a purpose");
        subjects.MapPut("/restriction", RestrictAsync).AcceptsJson<RestrictionRequest>().WithSummary("Restrict processing, or lift the restriction");
        subjects.MapPost("/relationships", RelationshipAsync).AcceptsJson<RelationshipRequest>().WithSummary("Record a relationship event (subscription opened, ended…)");
        subjects.MapPost("/holds", HoldAsync).AcceptsJson<HoldRequest>().WithSummary("Place a legal hold (admin)");
        subjects.MapDelete("/holds", LiftHoldsAsync).WithSummary("Lift every legal hold (admin)");
        subjects.MapPut("/authorisations/{recipient}", AuthoriseAsync).AcceptsJson<AuthorisationRequest>().WithSummary("Record the person's own authorisation for a recipient (or a platform link)");
        subjects.MapPut("/guardian-consent", GuardianAsync).AcceptsJson<GuardianConsentRequest>().WithSummary("Record a guardian's consent for a child");
    }

    private static async Task<Ok<ConsentEntry>> ConsentAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var body = await RequestBody.ReadAsync<ConsentRequest>(context);
        if ((body.Purpose is null) == (body.Permission is null))
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "Give exactly one of 'purpose' or 'permission'.", "/purpose");

        // Giving consent switches a purpose on: only a key bound to it may. A withdrawal only switches uses off.
        if (body is { Given: true, Purpose: { } purpose }) await context.RequirePurposeAsync(runtime, purpose, id);
        var entry = await runtime.Vault.RecordConsentAsync(id, body.Purpose ?? body.Permission!, body.Permission is not null, body.Given, body.Explicit, body.Method ?? "api", body.Evidence, context.Actor(), context.RequestAborted);
        return TypedResults.Ok(entry);
    }

    private static async Task<Ok<IReadOnlyList<ConsentEntry>>> ConsentsAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var (state, _) = await runtime.Vault.LoadFactsAsync(id, context.RequestAborted);
        await runtime.Vault.RecordCallAsync(context.Actor(), "consent.list", context.RequestAborted);
        return TypedResults.Ok(state.Consents);
    }

    private static async Task<NoContent> ObjectAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var body = await RequestBody.ReadAsync<ObjectionRequest>(context);
        await runtime.Vault.ObjectAsync(id, body.Purpose, context.Actor(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LiftObjectionAsync(string id, string purpose, HttpContext context, CustodianRuntime runtime)
    {
        runtime.Vault.ResolvePurpose(purpose);
        await context.RequirePurposeAsync(runtime, purpose, id);
        await runtime.Vault.LiftObjectionAsync(id, purpose, context.Actor(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RestrictAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var body = await RequestBody.ReadAsync<RestrictionRequest>(context);
        await runtime.Vault.RestrictAsync(id, body.Restricted, context.Actor(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RelationshipAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var body = await RequestBody.ReadAsync<RelationshipRequest>(context);
        await runtime.Vault.RecordRelationshipAsync(id, Token(body.Kind, "/kind"), Token(body.Event, "/event"), context.Actor(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Created> HoldAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        var body = await RequestBody.ReadAsync<HoldRequest>(context);
        var hold = await runtime.Vault.PlaceLegalHoldAsync(id, Token(body.Reason, "/reason"), body.Until, context.Actor(), context.RequestAborted);
        return TypedResults.Created($"/v1/subjects/{id}/holds/{hold}");
    }

    private static async Task<NoContent> LiftHoldsAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        await runtime.Vault.LiftLegalHoldsAsync(id, context.Actor(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> AuthoriseAsync(string id, string recipient, HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var body = await RequestBody.ReadAsync<AuthorisationRequest>(context);
        await runtime.Vault.AuthoriseRecipientAsync(id, recipient, body.Given, context.Actor(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> GuardianAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var body = await RequestBody.ReadAsync<GuardianConsentRequest>(context);
        await runtime.Vault.RecordGuardianConsentAsync(id, body.Given, Token(body.Guardian ?? "guardian", "/guardian"), context.Actor(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static string Token(string value, string pointer) =>
        Audit.AuditToken.IsValid(value) ? value
        : throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"'{pointer.TrimStart('/')}' must be a code of letters, digits and _ . : / - (at most {Audit.AuditToken.MaxLength} characters), not free text.", pointer);
}
