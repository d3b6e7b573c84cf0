using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BranchNetwork.Host.OpenApi;

/// <summary>
/// The generator lists every constructor parameter as required, nullable ones included; the API accepts a
/// body without them (absent is null), so a nullable property is documented as optional.
/// </summary>
internal sealed class OptionalNullableSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
        {
            foreach (var name in required.Where(n => properties.TryGetValue(n, out var property) && AllowsNull(property)).ToList())
            {
                required.Remove(name);
            }
        }

        return Task.CompletedTask;
    }

    private static bool AllowsNull(IOpenApiSchema property) =>
        (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (property.OneOf ?? []).Concat(property.AnyOf ?? []).Any(s => s.Type is { } t && t.HasFlag(JsonSchemaType.Null));
}
