using Custodian.Policy;
using Custodian.Requests;
using Custodian.Server.Auth;
using Custodian.Server.Contracts;
using Custodian.Server.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Custodian.Server.Endpoints;

/// <summary>
/// Data-subject requests (Art. 12, 15–21): submit, verify the code, and for administrators list, show, complete, extend and
/// deny; the package of a completed access or portability request downloads as JSON, an HTML report or a zip. A service key
/// sees only the requests it submitted, and one it did not submit answers as missing.
/// </summary>
internal static class RequestEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var requests = v1.MapGroup("/requests").WithTags("Requests").ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPost("", SubmitAsync).AcceptsJson<SubmitRequestBody>().WithSummary("Submit a data-subject request")
            .WithDescription("Only 'email': the person's own request; a one-time code is mailed to them. With 'subject': a service key created with --vouch vouches for a person it has signed in, or an administrator submits on their behalf; verified at once.");
        requests.MapPost("/{requestId}/verify", VerifyAsync).AcceptsJson<VerifyRequestBody>().WithSummary("Enter the one-time code (10 minutes, 5 attempts)");
        requests.MapGet("", ListAsync).WithSummary("List requests by due date (admin)").WithDescription("Filters: status, kind, subject, overdue=true.");
        requests.MapGet("/{requestId}", ShowAsync).WithSummary("One request with its status history (admin, or the service that submitted it)");
        requests.MapPost("/{requestId}/complete", CompleteAsync).AcceptsJson<CompleteRequestBody>().WithSummary("Carry out a verified request (admin)");
        requests.MapPost("/{requestId}/extend", ExtendAsync).AcceptsJson<ExtendRequestBody>().WithSummary("Extend the deadline once, with a reason the person is told (admin)");
        requests.MapPost("/{requestId}/deny", DenyAsync).AcceptsJson<DenyRequestBody>().WithSummary("Refuse a request with a reason code and a reason (admin)");
        requests.MapGet("/{requestId}/package", PackageAsync).Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["text/html", "application/zip"]).WithSummary("Download the package of a completed access or portability request")
            .WithDescription("format=json (machine-readable, default for access), html (readable report in the person's language) or zip (portability: what the person provided and their device readings as JSON and CSV; default for portability). Streamed.");
    }

    /// <summary>The HTTP status of a request desk refusal.</summary>
    public static int StatusOf(string code) => code switch
    {
        RequestErrorCodes.UnknownRequest or RequestErrorCodes.UnknownSubject => StatusCodes.Status404NotFound,
        RequestErrorCodes.SubjectErased => StatusCodes.Status410Gone,
        RequestErrorCodes.RequestClosed or RequestErrorCodes.NotVerified or RequestErrorCodes.TooManyAttempts
            or RequestErrorCodes.ExtensionRefused or RequestErrorCodes.PackageNotReady or RequestErrorCodes.RequestBusy => StatusCodes.Status409Conflict,
        RequestErrorCodes.CodeExpired => StatusCodes.Status410Gone,
        _ => StatusCodes.Status400BadRequest,
    };

    private static async Task<Results<Created<RequestView>, ProblemHttpResult>> SubmitAsync(HttpContext context, CustodianRuntime runtime, CodeMailLimit mailLimit)
    {
        context.RequireScope(ApiScope.Admin, ApiScope.Service);
        var body = await RequestBody.ReadAsync<SubmitRequestBody>(context);
        var key = context.Key();
        var channel = body.Channel switch
        {
            RequestChannel.Person => RequestChannel.Person,
            RequestChannel.Admin when key.Scope != ApiScope.Admin => throw new ApiProblemException(StatusCodes.Status403Forbidden, ApiErrorCodes.ScopeForbidden, "Only an admin key submits on a person's behalf ('channel': 'admin'); a service key vouches ('service') or forwards the person's own request ('person').", "/channel"),
            { } given => given,
            null when body.Subject is null => RequestChannel.Person,
            null => key.Scope == ApiScope.Admin ? RequestChannel.Admin : RequestChannel.Service,
        };
        if (channel == RequestChannel.Service && key.Scope != ApiScope.Service)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "Only a service key vouches for a person ('channel': 'service'); an admin key submits with 'admin'.", "/channel");
        if (channel == RequestChannel.Service && !key.Vouches)
            throw new ApiProblemException(StatusCodes.Status403Forbidden, ApiErrorCodes.ScopeForbidden, $"Key {key.Id} may not vouch for people: a request filed with 'subject' is verified at once, so only a key created with 'custodian keys create --scope service --vouch' files one. Forward the person's own request instead (only 'email'; they confirm it with the code mailed to them).", "/subject");
        if (body.Language is { } language && !OfferedLanguages(runtime).Contains(language))
        {
            var offered = OfferedLanguages(runtime);
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"The policy answers in {string.Join(", ", offered)}; give one of them ('language') or leave it out for {offered[0]}.", "/language", offered);
        }

        // A person's own request mails a code of five attempts; without a bound, a key could submit again and again and guess
        // on. Every address is counted alike, so the refusal does not tell whether it belongs to anyone.
        if (channel == RequestChannel.Person && !string.IsNullOrWhiteSpace(body.Email) && mailLimit.TryCount(CodeMailLimit.Address(body.Email)) is { } next)
        {
            var retry = Math.Max(1, (int)Math.Ceiling((next - runtime.Requests.Now).TotalSeconds));
            context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ProblemResponses.Problem(context, StatusCodes.Status429TooManyRequests, ApiErrorCodes.RateLimited,
                $"{CodeMailLimit.MaxCodes} verification codes were sent to this address within {CodeMailLimit.Window.TotalMinutes:0} minutes; nothing was filed. Retry after {retry} second(s).", "/email");
        }

        var submission = new RequestSubmission(body.Kind, channel, channel == RequestChannel.Person ? null : body.Subject, body.Email, body.Language, body.Purpose);
        var request = await DeskAsync(() => runtime.Requests.SubmitAsync(submission, key.Id, context.RequestAborted));
        var view = View(request, runtime.Requests.Now);
        // The person's own submission must not tell the caller whether the email belongs to anyone.
        if (channel == RequestChannel.Person) view = view with { Subject = null };
        return TypedResults.Created($"/v1/requests/{request.RequestId}", view);
    }

    private static async Task<Ok<RequestView>> VerifyAsync(string requestId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin, ApiScope.Service);
        await RequireVisibleAsync(context, runtime, requestId);
        var body = await RequestBody.ReadAsync<VerifyRequestBody>(context);
        var request = await DeskAsync(() => runtime.Requests.VerifyAsync(requestId, EndpointContext.Required(body.Code, "/code"), context.RequestAborted));
        var view = View(request, runtime.Requests.Now);
        return TypedResults.Ok(request.Channel == RequestChannel.Person ? view with { Subject = null } : view);
    }

    private static async Task<Ok<IReadOnlyList<RequestView>>> ListAsync(string? status, string? kind, string? subject, bool? overdue, int? limit, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        if (limit is < 1 or > 5000)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "'limit' must be a whole number from 1 to 5000 (default 500).", "/limit");
        var desk = runtime.Requests;
        var query = new RequestQuery(
            ParseEnum<RequestStatus>(status, "status"),
            ParseEnum<RequestKind>(kind, "kind"),
            subject,
            overdue == true ? desk.Now : null,
            limit ?? 500);
        var list = await desk.ListAsync(query, context.Actor(), context.RequestAborted);
        IReadOnlyList<RequestView> views = [.. list.OrderBy(r => r.DueAt).ThenBy(r => r.RequestId, StringComparer.Ordinal).Select(r => View(r, desk.Now))];
        return TypedResults.Ok(views);
    }

    private static async Task<Ok<RequestView>> ShowAsync(string requestId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin, ApiScope.Service);
        await RequireVisibleAsync(context, runtime, requestId);
        var shown = await runtime.Requests.ShowAsync(requestId, context.Actor(), context.RequestAborted) ?? throw Unknown(requestId);
        var view = View(shown.Request, runtime.Requests.Now) with
        {
            History = [.. shown.History.Select(h => new RequestHistoryView(h.Status, h.At, h.Actor, h.ReasonCode))],
        };

        // As on submitting and verifying: the service that forwarded a person's own request is not told whether the email
        // belongs to anyone, nor who.
        return TypedResults.Ok(shown.Request.Channel == RequestChannel.Person && context.Key().Scope != ApiScope.Admin ? view with { Subject = null } : view);
    }

    private static async Task<Ok<RequestView>> CompleteAsync(string requestId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        var body = context.Request.ContentLength is null or 0 && context.Request.ContentType is null ? new CompleteRequestBody() : await RequestBody.ReadAsync<CompleteRequestBody>(context);
        var request = await DeskAsync(() => runtime.Requests.CompleteAsync(requestId, body.Category, body.Value, context.Actor(), context.RequestAborted));
        return TypedResults.Ok(Told(View(request, runtime.Requests.Now), request));
    }

    private static async Task<Ok<RequestView>> ExtendAsync(string requestId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        var body = await RequestBody.ReadAsync<ExtendRequestBody>(context);
        IsoPeriod? by = null;
        if (body.By is not null)
        {
            by = IsoPeriod.TryParse(body.By, out var period) ? period
                : throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"'{body.By}' is not an ISO 8601 period such as P1M or P30D.", "/by");
        }

        var request = await DeskAsync(() => runtime.Requests.ExtendAsync(requestId, by, EndpointContext.Required(body.Reason, "/reason"), context.Actor(), context.RequestAborted));
        return TypedResults.Ok(Told(View(request, runtime.Requests.Now), request));
    }

    private static async Task<Ok<RequestView>> DenyAsync(string requestId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin);
        var body = await RequestBody.ReadAsync<DenyRequestBody>(context);
        var request = await DeskAsync(() => runtime.Requests.DenyAsync(requestId, EndpointContext.Required(body.ReasonCode, "/reasonCode"), EndpointContext.Required(body.Reason, "/reason"), context.Actor(), context.RequestAborted));
        return TypedResults.Ok(Told(View(request, runtime.Requests.Now), request));
    }

    /// <summary>A step's answer says whether the person was told, and why not when the request has no address.</summary>
    private static RequestView Told(RequestView view, StoredRequest request) =>
        RequestDesk.NotToldReason(request) is { } reason
            ? view with { Notified = false, NotNotifiedReason = char.ToUpperInvariant(reason[0]) + reason[1..] + "." }
            : view with { Notified = true };

    private static async Task PackageAsync(string requestId, string? format, HttpContext context, CustodianRuntime runtime)
    {
        context.RequireScope(ApiScope.Admin, ApiScope.Service);
        var request = await RequireVisibleAsync(context, runtime, requestId);
        if (request.Kind is not (RequestKind.Access or RequestKind.Portability))
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"Request {requestId} is a {Name(request.Kind)} request; only access and portability requests have a package.");
        if (request.Status != RequestStatus.Completed || request.SubjectId is null)
        {
            var why = request.Status != RequestStatus.Completed
                ? $"Request {requestId} is {Name(request.Status)}; complete it first (POST /v1/requests/{requestId}/complete)."
                : $"Request {requestId} matched no one: no data is held about the email given.";
            throw new ApiProblemException(StatusCodes.Status409Conflict, RequestErrorCodes.PackageNotReady, why);
        }

        var chosen = format ?? (request.Kind == RequestKind.Portability ? "zip" : "json");
        var (contentType, extension) = chosen switch
        {
            "json" => ("application/json; charset=utf-8", "json"),
            "html" => ("text/html; charset=utf-8", "html"),
            "zip" => ("application/zip", "zip"),
            _ => throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"'{chosen}' is not a package format; use json, html or zip.", "/format"),
        };
        var response = context.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{Name(request.Kind)}-{request.RequestId}.{extension}\"";
        response.Headers.CacheControl = "no-store";
        await response.StartAsync(context.RequestAborted);
        var vault = runtime.Vault;
        var actor = context.Actor();
        var body = response.Body;
        _ = chosen switch
        {
            "json" => await AccessPackageWriter.WriteAsync(vault, request.SubjectId, request.Language, body, actor, context.RequestAborted),
            "html" => await AccessReportWriter.WriteAsync(vault, request.SubjectId, request.Language, body, actor, context.RequestAborted),
            _ => await PortabilityPackageWriter.WriteAsync(vault, request.SubjectId, body, actor, context.RequestAborted),
        };
    }

    /// <summary>The request, if the caller may see it: an admin sees all, a service key only those it submitted; others answer as missing.</summary>
    private static async Task<StoredRequest> RequireVisibleAsync(HttpContext context, CustodianRuntime runtime, string requestId)
    {
        var store = runtime.Vault.Store;
        var request = await store.GetRequestAsync(requestId, context.RequestAborted) ?? throw Unknown(requestId);
        var key = context.Key();
        if (key.Scope == ApiScope.Admin) return request;
        var history = await store.GetRequestHistoryAsync(requestId, context.RequestAborted);
        if (history.Count > 0 && string.Equals(history[0].Actor, key.Id, StringComparison.Ordinal)) return request;
        throw Unknown(requestId);
    }

    /// <summary>Runs a desk step; a refusal naming a field becomes a problem whose pointer names it.</summary>
    private static async Task<T> DeskAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (RequestException e) when (e.JsonPointer is not null)
        {
            throw new ApiProblemException(StatusOf(e.Code), e.Code, e.Message, e.JsonPointer);
        }
    }

    /// <summary>The policy's languages that messages and reports are written in.</summary>
    private static List<string> OfferedLanguages(CustodianRuntime runtime)
    {
        var offered = runtime.Vault.Policy.Document.Languages.Where(Custodian.Statement.StatementText.SupportedLanguages.Contains).ToList();
        return offered.Count > 0 ? offered : ["en"];
    }

    private static ApiProblemException Unknown(string requestId) =>
        new(StatusCodes.Status404NotFound, RequestErrorCodes.UnknownRequest, $"No request with id '{requestId}' that this key may see; list them with GET /v1/requests (admin).");

    private static T? ParseEnum<T>(string? text, string name)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalised = text.Replace("_", "", StringComparison.Ordinal);
        if (Enum.TryParse<T>(normalised, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)) return value;
        var known = Enum.GetValues<T>().Select(v => Name(v)).ToList();
        throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"'{text}' is not a {name}; use one of {string.Join(", ", known)}.", "/" + name, Suggestions.Nearest(text, known));
    }

    private static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static RequestView View(StoredRequest r, DateTimeOffset now) => new(r.RequestId, r.Kind, r.Status, r.Channel, r.SubjectId, r.ReceivedAt, r.DueAt, r.IsOverdueAt(now), r.Language)
    {
        Purpose = r.Purpose,
        ExtendedAt = r.ExtendedAt,
        ClosedAt = r.ClosedAt,
        ReasonCode = r.ReasonCode,
        Reason = r.Reason,
        Answer = RequestDesk.AnswerOf(r),
        Package = r.Status == RequestStatus.Completed && r.SubjectId is not null && r.Kind is RequestKind.Access or RequestKind.Portability ? $"/v1/requests/{r.RequestId}/package" : null,
    };
}
