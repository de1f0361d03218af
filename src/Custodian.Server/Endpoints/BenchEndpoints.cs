using Custodian.Vault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Custodian.Server.Endpoints;

/// <summary>
/// The load test's baseline, mapped only when <c>CUSTODIAN_BENCH_BASELINE=1</c>: the same read answer served by a bare
/// endpoint (no key, no limiter, no vault, no audit), so the cost of Custodian's checks can be told from ASP.NET Core's.
/// </summary>
internal static class BenchEndpoints
{
    public const string Variable = "CUSTODIAN_BENCH_BASELINE";

    private static ReadResult? _answer;

    public static void MapIfEnabled(IEndpointRouteBuilder app)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1") return;
        app.MapGet("/bench/echo", EchoAsync).ExcludeFromDescription();
    }

    // The first call makes one real read (audited as the bench actor) and keeps its answer; later calls only serialize it.
    private static async Task<Ok<ReadResult>> EchoAsync(string subject, string purpose, CustodianRuntime runtime, CancellationToken cancellationToken)
    {
        _answer ??= await runtime.Vault.ReadAsync(subject, purpose, null, null, "bench-baseline", cancellationToken);
        return TypedResults.Ok(_answer);
    }
}
