using Custodian.Policy;
using Custodian.Server.Ui.Text;
using Custodian.Statement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Server.Ui;

/// <summary>
/// The language and wording of one page view. The language is the person's own choice (<c>?lang=</c>, remembered in a cookie),
/// else the browser's Accept-Language, else the policy's first language; only languages the policy publishes and the
/// interface has words for are offered.
/// </summary>
public sealed class UiContext
{
    /// <summary>The cookie that remembers the chosen language.</summary>
    public const string LanguageCookie = "custodian_lang";

    private const string ItemKey = "custodian.ui";

    private UiContext(string language, IReadOnlyList<string> languages, CompiledPolicy policy)
    {
        Language = language;
        Languages = languages;
        Policy = policy;
        Text = UiText.For(language);
        Statement = StatementText.For(language) ?? StatementText.En;
    }

    /// <summary>The language of the page (<c>en</c>, <c>da</c>).</summary>
    public string Language { get; }

    /// <summary>The languages offered, the policy's first language first.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>The interface's words in <see cref="Language"/>.</summary>
    public UiText Text { get; }

    /// <summary>The statement's words in <see cref="Language"/> (dates, legal bases, retention).</summary>
    public StatementText Statement { get; }

    /// <summary>The policy in force.</summary>
    public CompiledPolicy Policy { get; }

    /// <summary>The controller's name, as the pages name the company.</summary>
    public string Controller => Policy.Document.Controller.Name;

    /// <summary>The context of the current request, resolved once.</summary>
    public static UiContext For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is UiContext ui) return ui;
        var policy = context.RequestServices.GetRequiredService<CustodianRuntime>().Policy;
        var offered = Offered(policy);
        var language = Pick(context, offered, out var chosen);
        if (chosen)
        {
            context.Response.Cookies.Append(LanguageCookie, language, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        ui = new UiContext(language, offered, policy);
        context.Items[ItemKey] = ui;
        return ui;
    }

    /// <summary>The languages a policy's interface can be shown in: those it publishes that have wording, else English.</summary>
    public static IReadOnlyList<string> Offered(CompiledPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var offered = policy.Document.Languages.Where(l => UiText.Supported.Contains(l)).Distinct(StringComparer.Ordinal).ToList();
        return offered.Count > 0 ? offered : ["en"];
    }

    /// <summary>The best offered language for an Accept-Language header, or null when none matches.</summary>
    public static string? FromAcceptLanguage(string? header, IReadOnlyList<string> offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        if (string.IsNullOrWhiteSpace(header)) return null;
        var ranked = header.Split(',')
            .Select((part, index) =>
            {
                var pieces = part.Split(';');
                var tag = pieces[0].Trim().ToLowerInvariant();
                var q = 1.0;
                foreach (var p in pieces.Skip(1))
                {
                    var kv = p.Trim();
                    if (kv.StartsWith("q=", StringComparison.Ordinal) && double.TryParse(kv[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)) q = parsed;
                }

                return (Primary: tag.Split('-')[0], Q: q, Index: index);
            })
            .Where(x => x.Q > 0)
            .OrderByDescending(x => x.Q).ThenBy(x => x.Index);
        return ranked.Select(x => x.Primary).FirstOrDefault(offered.Contains);
    }

    private static string Pick(HttpContext context, IReadOnlyList<string> offered, out bool chosen)
    {
        chosen = false;
        var query = context.Request.Query["lang"].ToString();
        if (offered.Contains(query))
        {
            chosen = true;
            return query;
        }

        if (context.Request.Cookies.TryGetValue(LanguageCookie, out var remembered) && remembered is not null && offered.Contains(remembered)) return remembered;
        return FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString(), offered) ?? offered[0];
    }
}
