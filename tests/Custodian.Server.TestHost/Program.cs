using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Custodian.Server.TestHost;

/// <summary>The server as an entry assembly, so WebApplicationFactory can host it in memory.</summary>
public sealed class Program
{
    /// <summary>Builds and runs the server exactly as <c>custodian serve</c> does, configured from <paramref name="args"/> and settings.</summary>
    public static async Task Main(string[] args)
    {
        var app = CustodianServer.CreateBuilder(args).Build().MapCustodian();

        // Integration tests need endpoints that fail unexpectedly, to see that a 500 problem carries no exception details and
        // that a page's error answer keeps the pages' security headers.
        if (string.Equals(app.Configuration["TestHost:FailingEndpoint"], "true", StringComparison.Ordinal))
        {
            app.MapGet("/v1/test/failure", IResult () => throw new InvalidOperationException("internal detail that must not leak")).ExcludeFromDescription();
            app.MapGet("/privacy/test/failure", IResult () => throw new InvalidOperationException("internal detail that must not leak")).ExcludeFromDescription();
        }

        await app.RunAsync();
    }
}
