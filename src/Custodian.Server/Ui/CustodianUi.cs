using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Custodian.Server.Ui.Banner;
using Custodian.Server.Ui.Center;
using Custodian.Server.Ui.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Server.Ui;

/// <summary>
/// The people-facing parts of the server, rendered on the server with Razor Pages: the privacy center (<c>/privacy</c>, a person
/// signed in with a one-time code by email), the admin console (<c>/admin</c>, signed in with an admin API key) and the cookie
/// banner (<c>/consent.js</c> with its public endpoint <c>/consent/cookies</c>).
/// </summary>
public static class CustodianUi
{
    /// <summary>The cookie scheme of a person signed in to the privacy center.</summary>
    public const string PersonScheme = "custodian-person";

    /// <summary>The cookie scheme of an administrator signed in to the console.</summary>
    public const string AdminScheme = "custodian-admin";

    /// <summary>The authorization policy of privacy center pages that need a signed-in person.</summary>
    public const string PersonPolicy = "person";

    /// <summary>The authorization policy of console pages.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The rate limiter policy of public, unauthenticated endpoints: per client address.</summary>
    public const string PublicLimit = "public";

    /// <summary>The CORS policy of the cookie banner's endpoints, which any site may call.</summary>
    public const string BannerCors = "banner";

    /// <summary>Claim type of the person's pseudonymous subject id.</summary>
    public const string SubjectClaim = "custodian:subject";

    /// <summary>Claim type of the admin's API key id.</summary>
    public const string KeyClaim = "custodian:key";

    /// <summary>Registers pages, cookie sessions, antiforgery, data protection keys in the store, CORS, limits and the outbox delivery.</summary>
    public static IServiceCollection AddCustodianUi(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Privacy", PersonPolicy);
            o.Conventions.AllowAnonymousToPage("/Privacy/Index");
            o.Conventions.AllowAnonymousToPage("/Privacy/SignIn");
            o.Conventions.AllowAnonymousToPage("/Privacy/Code");
            o.Conventions.AllowAnonymousToPage("/Privacy/Statement");
            o.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
            o.Conventions.AllowAnonymousToPage("/Admin/SignIn");
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
        }).AddApplicationPart(typeof(CustodianUi).Assembly);

        services.AddAuthentication()
            .AddCookie(PersonScheme, o =>
            {
                o.Cookie.Name = "custodian_person";
                o.Cookie.Path = "/privacy";
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                o.SlidingExpiration = true;
                o.LoginPath = "/privacy/sign-in";
                o.AccessDeniedPath = "/privacy/sign-in";
                o.Events.OnValidatePrincipal = ValidatePersonAsync;
                o.Events.OnRedirectToLogin = RedirectWithinSite;
                o.Events.OnRedirectToAccessDenied = RedirectWithinSite;
            })
            .AddCookie(AdminScheme, o =>
            {
                o.Cookie.Name = "custodian_admin";
                o.Cookie.Path = "/admin";
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false;
                o.LoginPath = "/admin/sign-in";
                o.AccessDeniedPath = "/admin/sign-in";
                o.Events.OnValidatePrincipal = ValidateAdmin;
                o.Events.OnRedirectToLogin = RedirectWithinSite;
                o.Events.OnRedirectToAccessDenied = RedirectWithinSite;
            });
        services.AddAuthorization(o =>
        {
            o.AddPolicy(PersonPolicy, p => p.AddAuthenticationSchemes(PersonScheme).RequireAuthenticatedUser().RequireClaim(SubjectClaim));
            o.AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(AdminScheme).RequireAuthenticatedUser().RequireClaim(KeyClaim));
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "custodian_notice";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Pages are UTF-8: Danish letters are written as themselves, not as character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "custodian_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__csrf";
        });

        // Session cookies and visitor tokens must survive a restart and be read by every server on the same store: the key
        // ring lives in the store, its secrets sealed under a key derived from the master key.
        services.AddDataProtection().SetApplicationName("custodian");
        services.AddOptions<KeyManagementOptions>().Configure<CustodianRuntime, TimeProvider>((o, runtime, clock) =>
        {
            o.XmlRepository = new StoredKeyRingRepository(runtime, clock);
            o.XmlEncryptor = new KeyRingXmlEncryptor(runtime);
        });

        services.AddCors(o => o.AddPolicy(BannerCors, p => p.AllowAnyOrigin().WithMethods("GET", "POST").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(PublicLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<CustodianRuntime>().Options.PublicRequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));

        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDelivery>());
        services.AddSingleton<SignInCodes>();
        services.AddSingleton<VisitorTokens>();
        return services;
    }

    /// <summary>Adds the UI's middleware (language, security headers, sessions, CORS) and maps its pages and endpoints.</summary>
    public static WebApplication UseCustodianUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (IsUiPath(context.Request.Path))
            {
                UiContext.For(context);
                ApplySecurityHeaders(context.Response);
                var headers = context.Response.Headers;

                // Pages are read (GET, HEAD) and their forms posted; any other method is a 405 page, not a stale-form 400.
                var method = context.Request.Method;
                if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsPost(method))
                {
                    context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                    headers.Allow = "GET, HEAD, POST";
                    await WriteStatusPageAsync(context);
                    return;
                }
            }

            await next(context);
        });
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps the pages, the downloads, the assets and the cookie banner's endpoints.</summary>
    public static WebApplication MapCustodianUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Results.Redirect("/privacy")).ExcludeFromDescription();
        app.MapRazorPages();
        UiAssets.Map(app);
        DownloadEndpoints.Map(app);
        CookieBannerEndpoints.Map(app);
        return app;
    }

    /// <summary>
    /// Sets the headers every page is sent with: a strict Content-Security-Policy, no sniffing, no framing, no referrer to
    /// other sites, and no caching (what antiforgery sets on every page with a form; set first, it does not log a warning
    /// for each page view).
    /// </summary>
    public static void ApplySecurityHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-cache, no-store";
    }

    /// <summary>True for paths the UI renders as HTML (errors there are pages, not problem documents).</summary>
    public static bool IsUiPath(PathString path) => path.StartsWithSegments("/privacy") || path.StartsWithSegments("/admin");

    /// <summary>Writes a plain page for a UI error status (not found, a stale form), in the person's language.</summary>
    public static async Task WriteStatusPageAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ui = UiContext.For(context);
        var status = context.Response.StatusCode;
        var (title, text) = status switch
        {
            StatusCodes.Status404NotFound => (ui.Text.NotFoundTitle, ui.Text.NotFoundText),
            StatusCodes.Status400BadRequest => (ui.Text.BadFormTitle, ui.Text.BadFormText),
            StatusCodes.Status405MethodNotAllowed => (ui.Text.MethodNotAllowedTitle, ui.Text.MethodNotAllowedText),
            StatusCodes.Status429TooManyRequests => (ui.Text.TooManyTitle, ui.Text.TooManyText),
            StatusCodes.Status503ServiceUnavailable => (ui.Text.UnavailableTitle, ui.Text.UnavailableText),
            _ => (ui.Text.ErrorTitle, ui.Text.ErrorText(context.TraceIdentifier)),
        };
        var home = context.Request.Path.StartsWithSegments("/admin") ? "/admin" : "/privacy";

        // The exception handler clears a failed request's headers before this page is written; they are set again.
        ApplySecurityHeaders(context.Response);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{ui.Language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} – {E(ui.Controller)}</title><link rel="stylesheet" href="/assets/site.css"></head>
            <body><main id="main" class="wrap"><h1>{E(title)}</h1><p>{E(text)}</p><p><a href="{home}">{E(ui.Text.BackHome)}</a></p></main></body></html>
            """), context.RequestAborted);
    }

    // Letters outside ASCII (æ, ø, å) are written as themselves, as on every other page.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string value) => Encoder.Encode(value);

    /// <summary>
    /// Sends a person or administrator who must sign in to the sign-in page by path alone: the default redirect is an absolute
    /// URL built from the request's Host header, which a client (or a cache in front) could set to another site.
    /// </summary>
    private static Task RedirectWithinSite(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = new Uri(new Uri("http://localhost"), context.RedirectUri);
        context.Response.Redirect(target.PathAndQuery);
        return Task.CompletedTask;
    }

    private static async Task ValidatePersonAsync(CookieValidatePrincipalContext context)
    {
        var subject = context.Principal?.FindFirstValue(SubjectClaim);
        var runtime = context.HttpContext.RequestServices.GetRequiredService<CustodianRuntime>();
        var stored = subject is null ? null : await runtime.Vault.Store.GetSubjectAsync(subject, context.HttpContext.RequestAborted);
        if (stored is null || stored.MergedInto is not null || stored.ShreddedAt is not null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PersonScheme);
        }
    }

    private static Task ValidateAdmin(CookieValidatePrincipalContext context)
    {
        var keyId = context.Principal?.FindFirstValue(KeyClaim);
        var runtime = context.HttpContext.RequestServices.GetRequiredService<CustodianRuntime>();
        if (keyId is null || runtime.Keys.Find(keyId) is not { Scope: Auth.ApiScope.Admin, RevokedAt: null }) context.RejectPrincipal();
        return Task.CompletedTask;
    }
}
