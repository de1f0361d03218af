using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Custodian.Server;

/// <summary>Describes the API as a whole in the OpenAPI document: title, how to authenticate, where errors are explained.</summary>
internal sealed class OpenApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Custodian API",
            Version = "v1",
            Description = "Personal data kept under a privacy policy: every read names a purpose, every use is decided by the policy, every call is audited. "
                + "Errors are RFC 9457 problem details with a stable 'code' (see docs/api.md). Authenticate with 'Authorization: Bearer cus_…'.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key created with 'custodian keys create' (cus_<id>.<secret>). Scopes: admin, service (bound to purposes), auditor.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
