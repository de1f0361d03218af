using System.Globalization;
using System.Threading.RateLimiting;
using Custodian.Requests;
using Custodian.Server.Auth;
using Custodian.Server.Endpoints;
using Custodian.Server.Problems;
using Custodian.Server.Ui;
using Custodian.Vault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Custodian.Server;

/// <summary>
/// Builds the Custodian web application: the API under <c>/v1</c>, OpenAPI, health, keys, limits and problem details, and the
/// people-facing pages (<see cref="CustodianUi"/>: privacy center, admin console, cookie banner).
/// </summary>
public static partial class CustodianServer
{
    /// <summary>The rate limiter policy applied to <c>/v1</c>.</summary>
    public const string PerKeyLimit = "per-key";

    /// <summary>Creates the builder with Custodian's services; <paramref name="args"/> may carry <c>--Custodian:Policy=…</c> settings.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<ServerOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<ServerOptions>(builder.Configuration.GetSection(ServerOptions.Section));
        if (configure is not null) builder.Services.PostConfigure(configure);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CustodianRuntime>();
        builder.Services.AddSingleton<CodeMailLimit>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ServerOptions>>((o, server) => TrustedProxies.Apply(server.Value.TrustedProxies, o));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CustodianRuntime>());
        builder.Services.AddHostedService<PolicyActivationService>();
        builder.Services.AddHostedService<RetentionSweepService>();
        builder.Services.AddHostedService<OutboxWorker>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.ConfigureHttpJsonOptions(o => ServerJson.Apply(o.SerializerOptions));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 32L << 20;
            k.AddServerHeader = false;
        });
        builder.Services.AddProblemDetails();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<OpenApiDocumentTransformer>();
            o.AddOperationTransformer<OpenApiRequestExampleTransformer>();
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PerKeyLimit, context =>
            {
                var perSecond = context.RequestServices.GetRequiredService<CustodianRuntime>().Options.RateLimitPerSecond;
                var partition = context.Items.TryGetValue("custodian.apiKey", out var key) && key is ApiKey k ? k.Id : "anonymous";
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                if (CustodianUi.IsUiPath(context.HttpContext.Request.Path))
                {
                    await CustodianUi.WriteStatusPageAsync(context.HttpContext);
                    return;
                }

                var who = context.HttpContext.Request.Path.StartsWithSegments("/v1") ? "this key" : "this address";
                await ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, ApiErrorCodes.RateLimited, $"Too many requests for {who}; retry after {retry} second(s).");
            };
        });
        builder.Services.AddCustodianUi();
        return builder;
    }

    /// <summary>Adds Custodian's middleware and endpoints to a built application.</summary>
    public static WebApplication MapCustodian(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Before anything reads the scheme or the client's address (cookies, rate limits); believes only Custodian:TrustedProxies.
        // Read now, so a setting that names no address stops the host here instead of failing every request.
        _ = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        app.UseForwardedHeaders();
        // First, so the headers reach every /v1 response, the exception handler's problems included.
        app.Use(ApiResponseHeaders.ApplyAsync);
        // The handler writes every problem itself; the middleware's own log line would carry the exception's message (which
        // may quote the caller's input) at Error level for every 4xx, so it is suppressed and unexpected errors are logged below.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync, SuppressDiagnosticsCallback = _ => true });
        app.UseStatusCodePages(async context =>
        {
            // Routing answers these itself with an empty body; give them the same problem shape as every other error.
            var http = context.HttpContext;
            if (http.Response.HasStarted) return;
            if (CustodianUi.IsUiPath(http.Request.Path) && http.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status400BadRequest)
            {
                await CustodianUi.WriteStatusPageAsync(http);
                return;
            }

            switch (http.Response.StatusCode)
            {
                case StatusCodes.Status404NotFound:
                    await ProblemResponses.WriteAsync(http, 404, ApiErrorCodes.NotFound, $"There is no endpoint at {http.Request.Method} {http.Request.Path}; see /openapi/v1.json.");
                    break;
                case StatusCodes.Status405MethodNotAllowed:
                    var allowed = http.Response.Headers.Allow.ToString();
                    await ProblemResponses.WriteAsync(http, 405, ApiErrorCodes.MethodNotAllowed, $"{http.Request.Path} does not answer {http.Request.Method}" + (allowed.Length > 0 ? $"; it answers {allowed}." : "; see /openapi/v1.json."));
                    break;
                case StatusCodes.Status415UnsupportedMediaType:
                    await ProblemResponses.WriteAsync(http, 415, ApiErrorCodes.UnsupportedMediaType, UnsupportedMedia.For(http.Request.Path));
                    break;
                case StatusCodes.Status400BadRequest:
                    await ProblemResponses.WriteAsync(http, 400, ApiErrorCodes.InvalidField, "A route or query parameter has the wrong format; see /openapi/v1.json for the types.");
                    break;
            }
        });
        app.UseCustodianUi();
        app.Use(AuthenticateAsync);
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json");
        SystemEndpoints.MapHealth(app);
        BenchEndpoints.MapIfEnabled(app);
        var v1 = app.MapGroup("/v1").RequireRateLimiting(PerKeyLimit).WithCommonProblems();
        SubjectEndpoints.Map(v1);
        LedgerEndpoints.Map(v1);
        DeviceEndpoints.Map(v1);
        StatisticsEndpoints.Map(v1);
        BreachEndpoints.Map(v1);
        RequestEndpoints.Map(v1);
        SystemEndpoints.Map(v1);
        app.MapCustodianUi();
        return app;
    }

    /// <summary>Builds and runs a server until shutdown.</summary>
    public static async Task RunAsync(string[] args, Action<ServerOptions>? configure, CancellationToken cancellationToken)
    {
        var app = CreateBuilder(args, configure).Build().MapCustodian();
        await app.RunAsync(cancellationToken);
    }

    private static async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }

        var runtime = context.RequestServices.GetRequiredService<CustodianRuntime>();
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : context.Request.Headers["X-Api-Key"].ToString();
        var key = runtime.Keys.Authenticate(token);
        if (key is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            var detail = string.IsNullOrEmpty(token)
                ? "Send an API key as 'Authorization: Bearer cus_…'. Create one with 'custodian keys create'."
                : "The API key is unknown or revoked.";
            await ProblemResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthorized, detail);
            return;
        }

        CallerContext.Set(context, key);
        await next(context);
    }

    private static async Task WriteExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var unavailable = StoreFailures.IsUnavailable(error);
        if (unavailable)
        {
            LogStoreUnavailable(context, error!);
            context.Response.Headers.RetryAfter = StoreFailures.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (CustodianUi.IsUiPath(context.Request.Path))
        {
            context.Response.StatusCode = error switch
            {
                ApiProblemException problem => problem.Status,
                BadHttpRequestException bad => bad.StatusCode,
                _ when unavailable => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            };
            if (context.Response.StatusCode >= 500 && !unavailable) LogUnexpected(context, error);
            await CustodianUi.WriteStatusPageAsync(context);
            return;
        }

        if (unavailable)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.StoreUnavailable,
                $"The data store did not answer (unreachable, restarting or busy); try again in {StoreFailures.RetryAfterSeconds} seconds. A write may or may not have been carried out: read before repeating one that must not happen twice.");
            return;
        }

        switch (error)
        {
            case ApiProblemException problem:
                await ProblemResponses.WriteAsync(context, problem.Status, problem.Code, problem.Message, problem.JsonPointer, problem.Suggestions);
                return;
            case VaultException vault:
                var (status, pointer) = ProblemResponses.Classify(vault);
                var suggestion = vault.Suggestions.Count > 0 ? $" Did you mean '{vault.Suggestions[0]}'?" : "";
                await ProblemResponses.WriteAsync(context, status, vault.Code, vault.Message + suggestion, pointer.Length == 0 ? null : pointer, vault.Suggestions);
                return;
            case RequestException request:
                await ProblemResponses.WriteAsync(context, RequestEndpoints.StatusOf(request.Code), request.Code, request.Message);
                return;
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                await ProblemResponses.WriteAsync(context, 413, ApiErrorCodes.BodyTooLarge, "The body is larger than the limit; send smaller batches.");
                return;
            case BadHttpRequestException bad:
                var (detail, parameter) = BindingProblem.Describe(bad.Message);
                await ProblemResponses.WriteAsync(context, bad.StatusCode, ApiErrorCodes.InvalidField, detail, parameter);
                return;
            default:
                LogUnexpected(context, error);
                await ProblemResponses.WriteAsync(context, 500, ApiErrorCodes.Internal, $"An unexpected error occurred; quote trace id {context.TraceIdentifier} when reporting it.");
                return;
        }
    }

    /// <summary>
    /// Logs an unexpected error by its type, stack and route only: an exception's message may quote stored or submitted
    /// values, so it is never written.
    /// </summary>
    private static void LogUnexpected(HttpContext context, Exception? error)
    {
        var (logger, route) = FailedRequest(context);
        var stack = new System.Text.StringBuilder();
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner != error) stack.Append("---> ").AppendLine(inner.GetType().FullName);
            stack.AppendLine(inner.StackTrace);
        }

        UnexpectedError(logger, error?.GetType().FullName ?? "unknown", context.Request.Method, route, context.TraceIdentifier, stack.ToString());
    }

    /// <summary>Logs a store that did not answer by the exception's type and route, as <see cref="LogUnexpected"/> does, without a stack: it is the database's state, not a fault here.</summary>
    private static void LogStoreUnavailable(HttpContext context, Exception error)
    {
        var (logger, route) = FailedRequest(context);
        var innermost = error;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        StoreUnavailable(logger, error.GetType().FullName ?? "unknown", innermost.GetType().FullName ?? "unknown", context.Request.Method, route, context.TraceIdentifier);
    }

    /// <summary>The logger failures are written to and the route template of the request that failed (never its path, which may hold ids).</summary>
    private static (ILogger Logger, string Route) FailedRequest(HttpContext context)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Custodian.Server");
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        return (logger, (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)");
    }

    [LoggerMessage(EventId = 503, Level = LogLevel.Warning, Message = "The data store did not answer ({ExceptionType}, caused by {CauseType}) on {Method} {Route} (trace id {TraceId}); answered 503 with Retry-After.")]
    private static partial void StoreUnavailable(ILogger logger, string exceptionType, string causeType, string method, string route, string traceId);

    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "Unexpected {ExceptionType} on {Method} {Route} (trace id {TraceId}); the message is not logged as it may hold personal data.\n{StackTrace}")]
    private static partial void UnexpectedError(ILogger logger, string exceptionType, string method, string route, string traceId, string stackTrace);
}
