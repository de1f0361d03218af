using System.Collections.Concurrent;
using System.Reflection;
using Custodian.Server.Ui.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Server.Ui;

/// <summary>What every privacy center and console page has: the language and words, the runtime, whether someone is signed in, and flash notices for the post-redirect-get pattern.</summary>
public abstract class UiPageModel : PageModel
{
    /// <summary>The page's language and wording.</summary>
    public UiContext Ui => UiContext.For(HttpContext);

    /// <summary>The words of the page's language.</summary>
    public UiText T => Ui.Text;

    /// <summary>Whether a person (privacy center) or an administrator (console) is signed in.</summary>
    public bool SignedIn { get; private set; }

    /// <summary>The vault, policy and keys.</summary>
    public CustodianRuntime Runtime => HttpContext.RequestServices.GetRequiredService<CustodianRuntime>();

    /// <summary>An error to show at the top of the page, if any.</summary>
    public string? Error { get; set; }

    /// <inheritdoc />
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var scheme = Request.Path.StartsWithSegments("/admin") ? CustodianUi.AdminScheme : CustodianUi.PersonScheme;
        SignedIn = (await HttpContext.AuthenticateAsync(scheme)).Succeeded;

        // A form posted to no handler, or without a field the handler cannot do without, is the sender's mistake: a 400 page.
        var posted = !HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method);
        if ((posted && context.HandlerMethod is null) || (context.HandlerMethod is { } handler && LacksRequiredField(handler.MethodInfo, context.HandlerArguments)))
        {
            context.Result = new BadRequestResult();
            return;
        }

        await next();
    }

    private static readonly ConcurrentDictionary<MethodInfo, string[]> RequiredFields = new();
    private static readonly Lock NullabilityLock = new();
    private static readonly NullabilityInfoContext Nullability = new();

    private static bool LacksRequiredField(MethodInfo handler, IDictionary<string, object?> arguments)
    {
        var required = RequiredFields.GetOrAdd(handler, method =>
        {
            lock (NullabilityLock)
            {
                return [.. method.GetParameters()
                    .Where(p => p.ParameterType == typeof(string) && Nullability.Create(p).WriteState == NullabilityState.NotNull)
                    .Select(p => p.Name!)];
            }
        });
        return required.Any(name => !arguments.TryGetValue(name, out var value) || value is not string { Length: > 0 });
    }

    /// <summary>Shows <paramref name="message"/> on the next page (after a redirect) as a status notice.</summary>
    protected void Flash(string message) => TempData["flash"] = message;
}
