using Custodian.Server.Auth;
using Custodian.Server.Problems;
using Custodian.Statistics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Custodian.Server.Endpoints;

/// <summary>Anonymous statistics (CK11, IS9, CR4): aggregates with k-anonymity and optional Laplace noise.</summary>
internal static class StatisticsEndpoints
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapPost("/statistics", ExportAsync).AcceptsJson<StatisticsRequest>().WithTags("Statistics").WithSummary("Export anonymous statistics")
            .WithDescription("Counts (and clamped sums) of readings by dimension; groups below k people are suppressed; optional Laplace noise with a stated epsilon. The parameters come with the export and go into the audit trail.");

    private static async Task<Ok<StatisticsExport>> ExportAsync(HttpContext context, CustodianRuntime runtime)
    {
        var body = await RequestBody.ReadAsync<StatisticsRequest>(context);
        await context.RequirePurposeAsync(runtime, body.Purpose, null);
        if (body.FirstProblem() is { } problem)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, problem.Message, "/" + problem.Field);
        return TypedResults.Ok(await runtime.Vault.ExportStatisticsAsync(body, context.Actor(), context.RequestAborted));
    }
}
