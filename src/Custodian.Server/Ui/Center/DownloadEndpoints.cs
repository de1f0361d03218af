using System.Globalization;
using Custodian.Records;
using Custodian.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Custodian.Server.Ui.Center;

/// <summary>Files the pages offer: the person's data (JSON package and readable HTML report) and the record of processing as CSV.</summary>
internal static class DownloadEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/privacy/my-data.json", PackageAsync).RequireAuthorization(CustodianUi.PersonPolicy).ExcludeFromDescription();
        app.MapGet("/privacy/my-data.html", ReportAsync).RequireAuthorization(CustodianUi.PersonPolicy).ExcludeFromDescription();
        app.MapGet("/admin/ropa.csv", RopaAsync).RequireAuthorization(CustodianUi.AdminPolicy).ExcludeFromDescription();
    }

    private static async Task PackageAsync(HttpContext context, CustodianRuntime runtime, TimeProvider clock)
    {
        var ui = UiContext.For(context);
        Attach(context, "application/json; charset=utf-8", $"my-data-{Day(clock)}.json");
        await AccessPackageWriter.WriteAsync(runtime.Vault, PersonSession.SubjectId(context.User), ui.Language, context.Response.Body, SignInCodes.Actor, context.RequestAborted);
    }

    private static async Task ReportAsync(HttpContext context, CustodianRuntime runtime, TimeProvider clock)
    {
        var ui = UiContext.For(context);
        Attach(context, "text/html; charset=utf-8", $"my-data-{Day(clock)}.html");
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        await AccessReportWriter.WriteAsync(runtime.Vault, PersonSession.SubjectId(context.User), ui.Language, context.Response.Body, SignInCodes.Actor, context.RequestAborted);
    }

    private static async Task RopaAsync(HttpContext context, CustodianRuntime runtime, TimeProvider clock)
    {
        var csv = RecordCsvWriter.Write(RecordOfProcessingBuilder.Build(runtime.Policy));
        await runtime.Vault.RecordCallAsync(Admin.AdminSession.Actor(context.User), "ropa.read", context.RequestAborted);
        Attach(context, "text/csv; charset=utf-8", $"record-of-processing-{runtime.Policy.Document.Id}-{Day(clock)}.csv");
        await context.Response.WriteAsync(csv, context.RequestAborted);
    }

    private static void Attach(HttpContext context, string contentType, string fileName)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        context.Response.Headers.CacheControl = "no-store";
    }

    private static string Day(TimeProvider clock) => clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
