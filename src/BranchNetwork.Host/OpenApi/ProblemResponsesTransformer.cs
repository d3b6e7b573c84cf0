using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BranchNetwork.Host.OpenApi;

/// <summary>
/// Documents the error answers every operation can give, as RFC 9457 problem details, derived from what the
/// endpoint is rather than repeated on each one: signed-in only → 401 and 403; any input → 400 with field
/// errors; an id in the route → 404; any write → 409 (stale version, wrong state, or a duplicate saved
/// meanwhile — the platform maps each of these to 409 for every save). An endpoint that declares a status
/// itself keeps its own declaration.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";
    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas.TryAdd(ProblemSchema, Problem(withErrors: false));
        document.Components.Schemas.TryAdd(ValidationProblemSchema, Problem(withErrors: true));
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var isWrite = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var parameters = description.ParameterDescriptions;
        var hasInput = isWrite
            || parameters.Any(p => p.Source == BindingSource.Query || p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.Header);
        var hasRouteId = parameters.Any(p => p.Source == BindingSource.Path);
        var signedIn = !metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any();

        operation.Responses ??= [];
        DocumentFileBody(operation, metadata);
        if (hasInput)
        {
            Add(operation, context, StatusCodes.Status400BadRequest, "The input is invalid (field errors in `errors`) or not readable.", ValidationProblemSchema);
        }

        if (signedIn)
        {
            Add(operation, context, StatusCodes.Status401Unauthorized, "No valid access token.", ProblemSchema);
            Add(operation, context, StatusCodes.Status403Forbidden, "The caller's role or organisational scope does not allow this.", ProblemSchema);
        }

        if (hasRouteId)
        {
            Add(operation, context, StatusCodes.Status404NotFound, "No such record in the caller's reach.", ProblemSchema);
        }

        if (isWrite)
        {
            Add(operation, context, StatusCodes.Status409Conflict, "The record changed meanwhile (stale `version`), is in the wrong state, or the same record was saved a moment earlier.", ProblemSchema);
        }

        return Task.CompletedTask;
    }

    /// <summary>A file download (<c>TypedResults.File</c>) answers bytes; the framework leaves its 200 without content.</summary>
    private static void DocumentFileBody(OpenApiOperation operation, IList<object> metadata)
    {
        var returns = metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault()?.ReturnType;
        if (returns is { IsGenericType: true } && returns.GetGenericTypeDefinition() == typeof(Task<>))
        {
            returns = returns.GetGenericArguments()[0];
        }

        var isFile = returns == typeof(Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult) || returns == typeof(Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult);
        if (isFile && operation.Responses!.TryGetValue("200", out var ok) && ok is OpenApiResponse response && (response.Content is null || response.Content.Count == 0))
        {
            response.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/octet-stream"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            };
        }
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, string schema)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [ProblemJson] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, context.Document) },
        };
        if (operation.Responses!.TryGetValue(key, out var declared))
        {
            // Declared by the endpoint (e.g. .ProducesProblem): keep its wording, make sure the body is documented.
            if (declared is OpenApiResponse response && (response.Content is null || response.Content.Count == 0))
            {
                response.Content = content;
            }

            return;
        }

        operation.Responses[key] = new OpenApiResponse { Description = description, Content = content };
    }

    private static OpenApiSchema Problem(bool withErrors)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable machine-readable reason, e.g. concurrency_conflict, auth.role_required." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        };
        if (withErrors)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages per field (camelCase field name).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details.",
            Properties = properties,
            AdditionalPropertiesAllowed = true,
        };
    }
}
