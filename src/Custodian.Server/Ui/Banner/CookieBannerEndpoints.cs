using Custodian.Policy;
using Custodian.Server.Problems;
using Custodian.Server.Ui.Text;
using Custodian.Storage;
using Custodian.Vault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Custodian.Server.Ui.Banner;

/// <summary>
/// The cookie banner's public endpoints, callable from any site (CORS) and rate-limited per address:
/// <c>GET /consent/cookies</c> describes the categories in a language, <c>POST /consent/cookies</c> records a visitor's choice
/// as consent events on a pseudonymous visitor subject created on first use. A category with a purpose records consent for
/// that purpose; one without records <c>cookie:&lt;key&gt;</c>. Global Privacy Control (the body's <c>gpc</c> or the
/// <c>Sec-GPC: 1</c> header) switches off sale, sharing and advertising categories, recorded with the method <c>gpc</c>.
/// </summary>
internal static class CookieBannerEndpoints
{
    /// <summary>The actor of the banner's audit entries.</summary>
    public const string Actor = "cookie-banner";

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/consent/cookies").RequireCors(CustodianUi.BannerCors).RequireRateLimiting(CustodianUi.PublicLimit).WithTags("Cookie banner");
        group.MapGet("", Describe).WithSummary("The policy's cookie categories and the banner's words in a language (public)");
        group.MapPost("", RecordAsync).WithSummary("Record a visitor's cookie choices as consent events (public)");
    }

    /// <summary>True when Global Privacy Control switches the category off: it sells or shares data, or serves marketing or advertising.</summary>
    public static bool OffUnderGpc(CookieCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        static bool Advertising(string? key) => key is not null && (key.StartsWith("marketing", StringComparison.Ordinal) || key.StartsWith("advertis", StringComparison.Ordinal));
        return category.SaleOrSharing || Advertising(category.Purpose) || Advertising(category.Key) || (category.Purpose is { } p && PolicyCompiler.IsSale(p));
    }

    private static Ok<BannerDescription> Describe(HttpContext context, CustodianRuntime runtime, string? lang)
    {
        var policy = runtime.Policy;
        var offered = UiContext.Offered(policy);
        var language = lang is not null && offered.Contains(lang) ? lang : UiContext.FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString(), offered) ?? offered[0];
        var text = UiText.For(language);
        var categories = policy.Document.Cookies.Select(c => new BannerCategory(c.Key, c.Name.Get(language) ?? c.Key, c.Description.Get(language) ?? "", c.Required, OffUnderGpc(c), c.Purpose)).ToList();
        context.Response.Headers.CacheControl = "no-cache";
        // The words depend on these headers: a shared cache must not give one visitor's language or GPC answer to another.
        context.Response.Headers.Vary = "Accept-Language, Sec-GPC";
        return TypedResults.Ok(new BannerDescription(policy.Document.Id, policy.Document.Version, language, context.Request.Headers["Sec-GPC"] == "1", categories, text.BannerWords(policy.Document.Controller.Name)));
    }

    private static async Task<Ok<BannerAnswer>> RecordAsync(HttpContext context, CustodianRuntime runtime, VisitorTokens tokens)
    {
        var body = await RequestBody.ReadAsync<CookieChoice>(context, 16 * 1024);
        var vault = runtime.Vault;
        var cookies = vault.Policy.Document.Cookies;
        var choices = body.Choices ?? new Dictionary<string, bool>();
        foreach (var key in choices.Keys)
        {
            if (cookies.Any(c => c.Key == key)) continue;

            // The key is quoted back shortened when long, and the pointer escapes '~' and '/' (RFC 6901) so it names this key alone.
            var at = key.Length > Suggestions.MaxKeyLength ? "/choices" : "/choices/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, $"The policy declares no cookie category '{Suggestions.Quote(key)}'.", at, Suggestions.Nearest(key, cookies.Select(c => c.Key)));
        }

        var gpc = body.Gpc || context.Request.Headers["Sec-GPC"] == "1";
        var subject = tokens.Read(body.Visitor);
        if (subject is not null && await vault.Store.GetSubjectAsync(subject, context.RequestAborted) is not { ShreddedAt: null, MergedInto: null }) subject = null;

        // A post that chooses nothing (no category to record, no GPC opt-out) makes no visitor: there is nothing to keep.
        if (subject is null && !gpc && !cookies.Any(c => !c.Required && choices.ContainsKey(c.Key)))
            return TypedResults.Ok(new BannerAnswer(null, gpc, []));
        subject ??= await vault.CreateSubjectAsync(new NewSubject(), Actor, context.RequestAborted);
        var (state, _) = await vault.LoadFactsAsync(subject, context.RequestAborted);

        var recorded = new List<BannerRecord>();
        foreach (var category in cookies.Where(c => !c.Required))
        {
            bool given;
            string method;
            if (gpc && OffUnderGpc(category)) (given, method) = (false, "gpc");
            else if (choices.TryGetValue(category.Key, out var chosen)) (given, method) = (chosen, "cookie-banner");
            else continue;

            var key = category.Purpose ?? DataVault.CookieKeyPrefix + category.Key;
            var kind = category.Purpose is null ? ConsentKind.Cookie : ConsentKind.Purpose;
            var head = state.ConsentHead(kind, key, DateTimeOffset.MaxValue);
            if (head is null || head.Given != given || head.Method != method)
                await vault.RecordConsentAsync(subject, key, false, given, method != "gpc", method, DataVault.CookieKeyPrefix + category.Key, Actor, context.RequestAborted);
            recorded.Add(new BannerRecord(category.Key, given, method));
        }

        return TypedResults.Ok(new BannerAnswer(tokens.Issue(subject), gpc, recorded));
    }
}
