using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BranchNetwork.Host.OpenApi;

/// <summary>
/// The generator lists every constructor parameter as required, nullable ones included; the API accepts a
/// body without them (absent is null), so a nullable property is documented as optional.
/// </summary>
internal sealed class OptionalNullableSchemaTransformer : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        Relax(schema);
        return Task.CompletedTask;
    }

    /// <summary>A nullable reference property only becomes <c>oneOf: [null, $ref]</c> when the components are built: look again at the end.</summary>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            Relax(schema);
        }

        return Task.CompletedTask;
    }

    private static void Relax(OpenApiSchema schema)
    {
        if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
        {
            foreach (var name in required.Where(n => properties.TryGetValue(n, out var property) && AllowsNull(property)).ToList())
            {
                required.Remove(name);
            }
        }
    }

    private static bool AllowsNull(IOpenApiSchema property) =>
        (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (property.OneOf ?? []).Concat(property.AnyOf ?? []).Any(s => s.Type is { } t && t.HasFlag(JsonSchemaType.Null));
}
