using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BranchNetwork.Host;

/// <summary>Marks each operation in the OpenAPI document with its auth requirement (bearer token, policy) or as anonymous.</summary>
internal sealed class AuthRequirementTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "OpenIddict access token from /connect/token (scope api).",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy ?? a.Roles ?? "authenticated").Distinct().ToList();
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        if (anonymous || policies.Count == 0)
        {
            operation.Extensions["x-auth"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create("anonymous"));
            return Task.CompletedTask;
        }

        operation.Extensions["x-auth"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create("bearer:" + string.Join(",", policies)));
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [],
        });
        return Task.CompletedTask;
    }
}
