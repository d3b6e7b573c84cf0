using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BranchNetwork.Host.OpenApi;

/// <summary>
/// Enums travel as their names (JsonStringEnumConverter). The generator lists the names but leaves out
/// <c>type: string</c>, and client generators then read the enum as a number and fail on "HeadOffice".
/// </summary>
internal sealed class StringEnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Enum is { Count: > 0 } values && schema.Type is null
            && values.All(v => v is null || (v is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Null)))
        {
            schema.Type = values.Any(v => v is null || v.GetValueKind() == JsonValueKind.Null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }
}
