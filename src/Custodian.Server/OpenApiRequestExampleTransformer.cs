using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Custodian.Server;

/// <summary>Puts the example body of each request type on the operation's <c>application/json</c> request body.</summary>
internal sealed class OpenApiRequestExampleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var accepts = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().FirstOrDefault();
        if (accepts?.RequestType is { } type && OpenApiExamples.For(type) is { } example && operation.RequestBody?.Content is { } content)
        {
            foreach (var (_, media) in content) media.Example = example.DeepClone();
        }

        return Task.CompletedTask;
    }
}
