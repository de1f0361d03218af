using Custodian.Breaches;
using Custodian.Server.Auth;
using Custodian.Server.Problems;
using Custodian.Vault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Custodian.Server.Endpoints;

/// <summary>The breach register (Art. 33, 34; IS6): record, list, show, report to the authority, actions, notify people.</summary>
internal static class BreachEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var breaches = v1.MapGroup("/breaches").WithTags("Breaches").ProducesProblem(StatusCodes.Status404NotFound);
        breaches.MapPost("", RecordAsync).AcceptsJson<BreachRequest>().WithSummary("Record a breach (admin)").WithDescription("Finds the people affected from the store and the audit trail without decrypting anything; the 72-hour clock starts at discovery.");
        breaches.MapGet("", ListAsync).WithSummary("The breach register with deadlines (admin, auditor)");
        breaches.MapGet("/{breachId}", ShowAsync).WithSummary("One breach with its deadline (admin, auditor)");
        breaches.MapPost("/{breachId}/report", ReportAsync).AcceptsJson<BreachReportRequest>().Produces<string>(StatusCodes.Status200OK, "text/markdown").WithSummary("Mark the breach reported to the authority and get the drafted Art. 33 notification (admin)");
        breaches.MapPost("/{breachId}/actions", ActionAsync).AcceptsJson<BreachActionRequest>().WithSummary("Record an action taken (admin)");
        breaches.MapPost("/{breachId}/notify", NotifyAsync).AcceptsJson<BreachNotifyRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Notify every person affected in their language through the outbox (admin; Art. 34, IS6)")
            .WithDescription("Once only: a breach whose people were already notified is refused with 409 already_notified (when, and how many) unless the body asks for a resend (\"resend\": true). \"confirm\": false sends nothing and is refused.");
        breaches.MapGet("/{breachId}/follow-up", FollowUpAsync).Produces<string>(StatusCodes.Status200OK, "text/markdown").WithSummary("The follow-up report of actions taken (admin, auditor)");
    }

    private static async Task<Created<BreachStatus>> RecordAsync(HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        var body = await RequestBody.ReadAsync<BreachRequest>(context);

        // The vault refuses impossible dates too; checked here first so the problem points at the field at fault.
        if (BreachPeriod.Check(body.DiscoveredAt, body.OccurredFrom, body.OccurredUntil, runtime.Vault.Clock.GetUtcNow()) is { } period)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, period.Message, "/" + period.Field);
        var status = await runtime.Vault.RecordBreachAsync(new NewBreach(body.DiscoveredAt, body.OccurredFrom, body.OccurredUntil, body.Description, body.Consequences ?? "", body.Categories ?? [], body.Systems ?? [], body.Recipients ?? []), context.Actor(), context.RequestAborted);
        return TypedResults.Created($"/v1/breaches/{status.Breach.BreachId}", status);
    }

    private static async Task<Ok<IReadOnlyList<BreachStatus>>> ListAsync(HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin, ApiScope.Auditor);
        return TypedResults.Ok(await runtime.Vault.ListBreachesAsync(context.RequestAborted));
    }

    private static async Task<Ok<BreachStatus>> ShowAsync(string breachId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin, ApiScope.Auditor);
        return TypedResults.Ok(await runtime.Vault.GetBreachAsync(breachId, context.RequestAborted));
    }

    private static async Task<ContentHttpResult> ReportAsync(string breachId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        await ReadOptionalAsync<BreachReportRequest>(context);
        return TypedResults.Text(await runtime.Vault.ReportBreachAsync(breachId, context.Actor(), context.RequestAborted), "text/markdown; charset=utf-8");
    }

    private static async Task<Ok<BreachStatus>> ActionAsync(string breachId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        var body = await RequestBody.ReadAsync<BreachActionRequest>(context);
        return TypedResults.Ok(await runtime.Vault.AddBreachActionAsync(breachId, EndpointContext.Required(body.Text, "/text"), context.Actor(), context.RequestAborted));
    }

    private static async Task<Ok<BreachNotification>> NotifyAsync(string breachId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        var body = await ReadOptionalAsync<BreachNotifyRequest>(context) ?? new BreachNotifyRequest();
        if (!body.Confirm)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "Nothing was sent: \"confirm\" is false. To notify the people affected, send \"confirm\": true (or an empty body).", "/confirm");
        return TypedResults.Ok(await runtime.Vault.NotifyBreachAsync(breachId, body.Resend, context.Actor(), context.RequestAborted));
    }

    private static async Task<T?> ReadOptionalAsync<T>(HttpContext context)
        where T : class
    {
        if (context.Request.ContentLength is null or 0 && context.Request.ContentType is null) return null;
        return await RequestBody.ReadAsync<T>(context);
    }

    private static async Task<ContentHttpResult> FollowUpAsync(string breachId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin, ApiScope.Auditor);
        var status = await runtime.Vault.GetBreachAsync(breachId, context.RequestAborted);
        return TypedResults.Text(BreachReport.FollowUp(runtime.Policy, status), "text/markdown; charset=utf-8");
    }
}

/// <summary>Confirms the report to the authority; the body may be empty (<c>{}</c>).</summary>
public sealed record BreachReportRequest
{
    /// <summary>A reference the authority gave the notification, if any (a code, not free text).</summary>
    public string? AuthorityReference { get; init; }
}

/// <summary>Confirms notifying the people affected; the body may be empty (<c>{}</c>).</summary>
public sealed record BreachNotifyRequest
{
    /// <summary>True (the default) to send the notices now; false sends nothing and is refused (400 <c>invalid_field</c> at <c>/confirm</c>).</summary>
    public bool Confirm { get; init; } = true;

    /// <summary>
    /// True to notify the people affected again although they were already notified (each gets the notice a second time;
    /// audited as a resend). Without it a second notification is refused (409 <c>already_notified</c>).
    /// </summary>
    public bool Resend { get; init; }
}

/// <summary>A breach to record.</summary>
public sealed record BreachRequest
{
    /// <summary>When it was discovered (default now).</summary>
    public DateTimeOffset? DiscoveredAt { get; init; }

    /// <summary>When it began.</summary>
    public required DateTimeOffset OccurredFrom { get; init; }

    /// <summary>When it ended (default the discovery).</summary>
    public DateTimeOffset? OccurredUntil { get; init; }

    /// <summary>What happened.</summary>
    public required string Description { get; init; }

    /// <summary>Likely consequences.</summary>
    public string? Consequences { get; init; }

    /// <summary>Categories involved.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Systems involved.</summary>
    public IReadOnlyList<string>? Systems { get; init; }

    /// <summary>Recipients involved.</summary>
    public IReadOnlyList<string>? Recipients { get; init; }
}

/// <summary>An action taken about a breach.</summary>
public sealed record BreachActionRequest
{
    /// <summary>What was done.</summary>
    public required string Text { get; init; }
}
