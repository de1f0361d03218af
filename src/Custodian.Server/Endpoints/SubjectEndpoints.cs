using Custodian.Crypto;
using Custodian.Server.Auth;
using Custodian.Server.Contracts;
using Custodian.Server.Problems;
using Custodian.Storage;
using Custodian.Vault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Custodian.Server.Endpoints;

/// <summary>People, their data and their readings: create, look up, merge, collect, read, events, decisions, secrets.</summary>
internal static class SubjectEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var subjects = v1.MapGroup("/subjects").WithTags("Subjects");
        var person = v1.MapGroup("/subjects/{id}").WithTags("Subjects").WithSubjectProblems();
        subjects.MapPost("", CreateAsync).AcceptsJson<CreateSubjectRequest>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Register a person").WithDescription("Lookup keys are stored only as keyed hashes (blind indexes); the birth date is sealed.");
        subjects.MapPost("/sign-ups", SignUpAsync).AcceptsJson<SignUpRequest>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Sign a person up: register, record consents and collect, in one transaction")
            .WithDescription("Each step is decided and audited as the separate calls would; the values are decided on the consents just given. If anything fails nothing is stored.");
        subjects.MapPost("/lookup", LookupAsync).AcceptsJson<LookupSubjectRequest>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Find a person by email, phone or user name").WithDescription("The lookup key travels in the body, never in the URL, so it stays out of access logs.");
        person.MapPost("/merge", MergeAsync).AcceptsJson<MergeRequest>().WithSummary("Merge a duplicate registration into this person (admin)");
        person.MapPost("/records", CollectAsync).AcceptsJson<CollectRequest>().WithSummary("Collect values for a purpose").WithDescription("Each value is decided before it is stored; refused values are not stored and the answer says why.");
        person.MapGet("/data", ReadAsync).WithSummary("Read a person's data for a purpose").WithDescription("Returns the values the policy allows for this purpose (and recipient) and, for the rest, only reason codes.");
        person.MapPost("/events", EventsAsync).AcceptsJson<EventBatchRequest>().WithSummary("Append a batch of readings").WithDescription("Each reading is decided before it is stored; dropped readings are counted by reason.");
        person.MapPost("/decisions", DecideAsync).AcceptsJson<DecisionsRequest>().WithSummary("Decide uses without reading data");
        person.MapPost("/secrets/{category}/verify", VerifySecretAsync).AcceptsJson<SecretRequest>().WithSummary("Verify a secret (password) for a purpose without ever reading it")
            .WithDescription("Decided like a read for the purpose named (a restriction or a missing contract refuses it with use_denied); five wrong secrets within 15 minutes refuse further checks with too_many_attempts.");
        person.MapPut("/secrets/{category}", ResetSecretAsync).AcceptsJson<SecretRequest>().WithSummary("Reset a secret (password) for a purpose")
            .WithDescription("Decided as a collection for the purpose named; a refused use changes nothing and answers use_denied.");
    }

    private static async Task<Created<SubjectResponse>> CreateAsync(HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var body = await RequestBody.ReadAsync<CreateSubjectRequest>(context);
        var id = await runtime.Vault.CreateSubjectAsync(new NewSubject(body.Email, body.Phone, body.UserName, body.BirthDate), context.Actor(), context.RequestAborted);
        return TypedResults.Created($"/v1/subjects/{id}", new SubjectResponse(id));
    }

    private static async Task<Created<EnrollResult>> SignUpAsync(HttpContext context, CustodianRuntime runtime)
    {
        var body = await RequestBody.ReadAsync<SignUpRequest>(context);
        await context.RequirePurposeAsync(runtime, body.Purpose, null);
        foreach (var purpose in body.Consents.Where(c => c.Permission is null && c.Purpose is not null).Select(c => c.Purpose!).Distinct(StringComparer.Ordinal))
            await context.RequirePurposeAsync(runtime, purpose, null);
        var consents = body.Consents.Select((c, i) => (c.Purpose is null) == (c.Permission is null)
            ? throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "Give exactly one of 'purpose' or 'permission' for each consent.", $"/consents/{i}/purpose")
            : new EnrollConsent(c.Purpose ?? c.Permission!, c.Method ?? "api", c.Permission is not null, c.Explicit, c.Evidence)).ToList();
        var values = body.Values.Select((v, i) => new CollectValue(v.Category, v.Value, ParseSource(v.Source, i))).ToList();
        var result = await runtime.Vault.EnrollAsync(new NewSubject(body.Email, body.Phone, body.UserName, body.BirthDate), consents, body.Purpose, values, context.Actor(), context.RequestAborted);
        return TypedResults.Created($"/v1/subjects/{result.SubjectId}", result);
    }

    private static async Task<Results<Ok<SubjectResponse>, ProblemHttpResult>> LookupAsync(HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var body = await RequestBody.ReadAsync<LookupSubjectRequest>(context);
        (LookupKind Kind, string? Value, string Pointer)[] given = [(LookupKind.Email, body.Email, "/email"), (LookupKind.Phone, body.Phone, "/phone"), (LookupKind.UserName, body.UserName, "/userName")];
        var present = given.Where(g => !string.IsNullOrWhiteSpace(g.Value)).ToList();
        if (present.Count != 1)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "Give exactly one of email, phone or userName.", present.Count == 0 ? "/email" : present[1].Pointer);
        var found = await runtime.Vault.FindSubjectAsync(present[0].Kind, present[0].Value!, context.Actor(), context.RequestAborted);
        return found is null
            ? ProblemResponses.Problem(context, StatusCodes.Status404NotFound, VaultErrorCodes.UnknownSubject, "No person is registered with that key.")
            : TypedResults.Ok(new SubjectResponse(found));
    }

    private static async Task<NoContent> MergeAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        var body = await RequestBody.ReadAsync<MergeRequest>(context);
        await runtime.Vault.MergeSubjectsAsync(id, body.MergedId, context.Actor(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CollectResult>> CollectAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        var body = await RequestBody.ReadAsync<CollectRequest>(context);
        await context.RequirePurposeAsync(runtime, body.Purpose, id);
        var values = body.Values.Select((v, i) => new CollectValue(v.Category, v.Value, ParseSource(v.Source, i))).ToList();
        return TypedResults.Ok(await runtime.Vault.CollectAsync(id, body.Purpose, values, context.Actor(), context.RequestAborted));
    }

    private static async Task<Ok<ReadResult>> ReadAsync(string id, string? purpose, string? recipient, string[]? category, HttpContext context, CustodianRuntime runtime)
    {
        var named = EndpointContext.Required(purpose, "/purpose");
        await context.RequirePurposeAsync(runtime, named, id);
        var categories = category is { Length: > 0 } ? category : null;
        return TypedResults.Ok(await runtime.Vault.ReadAsync(id, named, recipient, categories, context.Actor(), context.RequestAborted));
    }

    private static async Task<Ok<EventBatchResult>> EventsAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        var body = await RequestBody.ReadAsync<EventBatchRequest>(context, 32L << 20);
        await context.RequirePurposeAsync(runtime, body.Purpose, id);
        var readings = body.Readings.Select(r => new EventInput(r.Category, r.At, r.Value, r.Device)).ToList();
        return TypedResults.Ok(await runtime.Vault.AppendEventsAsync(id, body.Purpose, readings, context.Actor(), context.RequestAborted));
    }

    private static async Task<Ok<IReadOnlyList<DecisionAnswer>>> DecideAsync(string id, HttpContext context, CustodianRuntime runtime)
    {
        // Checked before the questions: with none, no purpose check refuses an auditor key, and the answer (or 404) would tell it
        // whether the person exists.
        context.RequirePersonalDataScope();
        var body = await RequestBody.ReadAsync<DecisionsRequest>(context);
        foreach (var purpose in body.Questions.Select(q => q.Purpose).Distinct(StringComparer.Ordinal)) await context.RequirePurposeAsync(runtime, purpose, id);
        var questions = body.Questions.Select(q => new DecisionQuestion(q.Category, q.Purpose, q.Recipient)).ToList();
        return TypedResults.Ok(await runtime.Vault.DecideAsync(id, questions, body.At, context.Actor(), context.RequestAborted));
    }

    private static async Task<Ok<SecretCheck>> VerifySecretAsync(string id, string category, HttpContext context, CustodianRuntime runtime)
    {
        var body = await RequestBody.ReadAsync<SecretRequest>(context);
        await context.RequirePurposeAsync(runtime, body.Purpose, id);
        return TypedResults.Ok(new SecretCheck(await runtime.Vault.VerifySecretAsync(id, category, body.Value, body.Purpose, context.Actor(), context.RequestAborted)));
    }

    private static async Task<NoContent> ResetSecretAsync(string id, string category, HttpContext context, CustodianRuntime runtime)
    {
        var body = await RequestBody.ReadAsync<SecretRequest>(context);
        await context.RequirePurposeAsync(runtime, body.Purpose, id);
        await runtime.Vault.ResetSecretAsync(id, category, body.Value, body.Purpose, context.Actor(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static RecordSource ParseSource(string? source, int index) => source switch
    {
        null or "provided" => RecordSource.Provided,
        "observed" => RecordSource.Observed,
        "device" => RecordSource.Device,
        "derived" => RecordSource.Derived,
        "third_party" => RecordSource.ThirdParty,
        _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"'{source}' is not a source; use provided, observed, device, derived or third_party.", $"/values/{index}/source"),
    };
}

/// <summary>Whether a secret matched.</summary>
/// <param name="Verified">True when it matched.</param>
public sealed record SecretCheck(bool Verified);
