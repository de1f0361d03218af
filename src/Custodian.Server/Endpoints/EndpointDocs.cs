using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Custodian.Server.Endpoints;

/// <summary>OpenAPI conventions: the JSON body an endpoint reads itself (through <c>RequestBody</c>), and the problems every call may answer.</summary>
internal static class EndpointDocs
{
    /// <summary>Declares the JSON body type and the body problems (400 invalid or missing fields, 413, 415).</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder)
        where T : notnull =>
        builder.Accepts<T>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>Declares the problems every <c>/v1</c> call may answer: 401, 403, 429 and 500.</summary>
    public static RouteGroupBuilder WithCommonProblems(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

    /// <summary>Declares the problems of calls about one person: 400 for an unknown purpose or category, 404 unknown, 410 erased.</summary>
    public static RouteGroupBuilder WithSubjectProblems(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
}
