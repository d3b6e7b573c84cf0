using System.Collections;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BranchNetwork.IntegrationTests.Contract;

/// <summary>
/// The OpenAPI document is a contract: it validates, every operation is named, tagged and documents its
/// schemas and error answers, every request body's schema is the record the endpoint binds, and a client
/// generated from it talks to the running app.
/// </summary>
[Trait("Spec", "ORG-4")]
public sealed class OpenApiContractTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_document_validates_as_OpenAPI_and_every_operation_is_named_tagged_and_documents_its_errors()
    {
        app.EnsureAvailable();
        var document = await OpenApiDocumentReader.FetchAsync(app);

        var read = Microsoft.OpenApi.OpenApiDocument.Parse(document.Json, "json");
        Assert.NotNull(read.Document);
        Assert.Empty(read.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));

        var problems = new List<string>();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var operations = document.Operations().ToList();
        foreach (var (path, method, operation) in operations)
        {
            var at = $"{method.ToUpperInvariant()} {path}";
            if (!operation.TryGetProperty("operationId", out var id) || string.IsNullOrEmpty(id.GetString()))
            {
                problems.Add($"{at}: no operationId");
            }
            else if (!operationIds.Add(id.GetString()!))
            {
                problems.Add($"{at}: operationId {id.GetString()} is not unique");
            }

            if (!operation.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
            {
                problems.Add($"{at}: no tag");
            }

            if (operation.TryGetProperty("requestBody", out var body))
            {
                foreach (var media in body.GetProperty("content").EnumerateObject())
                {
                    if (!media.Value.TryGetProperty("schema", out var schema) || document.Resolve(schema).ValueKind != JsonValueKind.Object)
                    {
                        problems.Add($"{at}: request body {media.Name} has no schema");
                    }
                }
            }

            var responses = operation.GetProperty("responses");
            var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (success.Count == 0)
            {
                problems.Add($"{at}: no success response");
            }

            foreach (var response in success.Where(r => r.Name != "204"))
            {
                if (!response.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().Any(m => m.Value.TryGetProperty("schema", out _)))
                {
                    problems.Add($"{at}: response {response.Name} has no schema");
                }
            }

            var write = method is not "get" and not "head";
            var expected = new List<string>();
            if (write || operation.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "query"))
            {
                expected.Add("400");
            }

            if (operation.TryGetProperty("security", out _))
            {
                expected.AddRange(["401", "403"]);
            }

            if (path.Contains('{', StringComparison.Ordinal))
            {
                expected.Add("404");
            }

            if (write)
            {
                expected.Add("409");
            }

            foreach (var status in expected)
            {
                if (!responses.TryGetProperty(status, out var error))
                {
                    problems.Add($"{at}: no {status} response");
                }
                else if (!error.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out var problem)
                    || !document.Resolve(problem.GetProperty("schema")).GetProperty("properties").TryGetProperty("status", out _))
                {
                    problems.Add($"{at}: {status} is not documented as problem details");
                }
            }
        }

        foreach (var schema in document.Schemas.EnumerateObject())
        {
            // Enums travel as their names (JsonStringEnumConverter): the document must say so.
            if (schema.Value.TryGetProperty("enum", out var values)
                && (values.EnumerateArray().Any(v => v.ValueKind is not JsonValueKind.String and not JsonValueKind.Null) || !document.Kinds(schema.Value).Contains("string")
                    || !schema.Value.TryGetProperty("type", out _)))
            {
                problems.Add($"schema {schema.Name}: enum values are not the strings the API accepts");
            }
        }

        Assert.True(operations.Count > 40, $"only {operations.Count} operations documented");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        TestContext.Current.SendDiagnosticMessage($"OpenAPI: {operations.Count} operations, {document.Schemas.EnumerateObject().Count()} schemas");
    }

    [Fact]
    public async Task Every_request_body_schema_has_the_properties_and_types_of_the_record_the_endpoint_binds()
    {
        app.EnsureAvailable();
        var document = await OpenApiDocumentReader.FetchAsync(app);
        var json = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var byOperationId = document.Operations()
            .Where(o => o.Operation.TryGetProperty("operationId", out _))
            .ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!, o => o.Operation, StringComparer.Ordinal);

        var problems = new List<string>();
        var checkedBodies = 0;
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            if (endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true || accepts?.RequestType is not { } bodyType
                || !accepts.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            if (name is null || !byOperationId.TryGetValue(name, out var operation))
            {
                problems.Add($"{endpoint.RoutePattern.RawText}: body {bodyType.Name} but no documented operation");
                continue;
            }

            if (!operation.TryGetProperty("requestBody", out var requestBody)
                || !requestBody.GetProperty("content").TryGetProperty("application/json", out var media))
            {
                problems.Add($"{name}: binds {bodyType.Name} but documents no JSON request body");
                continue;
            }

            checkedBodies++;
            Compare(document, json, name, bodyType, media.GetProperty("schema"), problems, depth: 0);
        }

        Assert.True(checkedBodies >= 20, $"only {checkedBodies} JSON bodies found");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task A_client_generated_from_the_document_reads_and_writes_against_the_app()
    {
        app.EnsureAvailable();
        var document = await OpenApiDocumentReader.FetchAsync(app);
        var client = await GeneratedClient.BuildAsync(document.Json);

        var taskAdmin = client.For(await app.ClientForAsync("taskadmin"));
        var me = await taskAdmin.CallAsync("GetMe");
        Assert.Equal("taskadmin", GeneratedClient.Read(me, "UserName"));
        Assert.NotNull(GeneratedClient.Read(await taskAdmin.CallAsync("ListIndicators", null, null, null), "Items"));

        // Publish (下发) a draft with the generated PublishSchemeBody.
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)], publish: false);
        var draft = await taskAdmin.CallAsync("GetScheme", scheme.Id);
        var published = await taskAdmin.CallAsync("PublishScheme", scheme.Id, client.Create("PublishSchemeBody", ("Version", GeneratedClient.Read(draft, "Version"))));
        Assert.Equal("Published", GeneratedClient.Read(published, "Status")?.ToString());

        // An appeal filed by the head, decided by the supervisor with the generated DecideAppealBody.
        var head01 = await app.ClientForAsync("head01");
        var filed = await head01.PostAsJsonAsync("/api/assessment/appeals", new
        {
            schemeId = scheme.Id,
            subBranchId = scheme.SubBranches["SB01"],
            kind = "Target",
            indicatorId = scheme.Indicators["存款"],
            reason = "大客户搬迁,目标应按 80 核定",
            requestedValue = 80m,
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var appeal = await filed.JsonAsync();
        var supervisor = client.For(await app.ClientForAsync("supervisor"));
        var decided = await supervisor.CallAsync(
            "DecideAppeal",
            appeal.GetProperty("id").GetGuid(),
            client.Create("DecideAppealBody", ("Accept", false), ("Reason", "理由不充分"), ("Version", appeal.GetProperty("version").GetInt64())));
        Assert.Equal("Rejected", GeneratedClient.Read(decided, "Status")?.ToString());
        Assert.Equal("理由不充分", GeneratedClient.Read(decided, "DecisionReason"));
    }

    private static void Compare(OpenApiDocumentReader document, JsonSerializerOptions json, string at, Type type, JsonElement schema, List<string> problems, int depth)
    {
        var info = json.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object || depth > 3)
        {
            return;
        }

        var resolved = document.ResolveValue(schema);
        var reference = References(schema).FirstOrDefault();
        if (reference is not null && !reference.EndsWith("/" + type.Name, StringComparison.Ordinal))
        {
            problems.Add($"{at}: {type.Name} is documented as {reference}");
        }

        var documented = resolved.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : [];
        var actual = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var missing in actual.Keys.Except(documented.Keys))
        {
            problems.Add($"{at}: {type.Name}.{missing} is not in the schema");
        }

        foreach (var extra in documented.Keys.Except(actual.Keys))
        {
            problems.Add($"{at}: the schema has '{extra}', which {type.Name} does not have");
        }

        var required = resolved.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var (name, property) in actual)
        {
            if (!documented.TryGetValue(name, out var propertySchema))
            {
                continue;
            }

            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null || (!property.PropertyType.IsValueType && property.IsSetNullable);
            if (nullable && required.Contains(name))
            {
                problems.Add($"{at}: {type.Name}.{name} may be null or absent but is documented as required");
            }

            var clr = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var (kind, format) = Expected(clr);
            var kinds = document.Kinds(propertySchema);
            if (!kinds.Contains(kind))
            {
                problems.Add($"{at}: {type.Name}.{name} is {kind} but documented as [{string.Join(",", kinds)}]");
            }

            if (format is not null && document.Format(propertySchema) != format)
            {
                problems.Add($"{at}: {type.Name}.{name} should have format {format}, has {document.Format(propertySchema) ?? "none"}");
            }

            if (kind == "object")
            {
                Compare(document, json, $"{at}.{name}", clr, propertySchema, problems, depth + 1);
            }
            else if (kind == "array" && ElementType(clr) is { } element && Expected(element).Kind == "object")
            {
                var items = document.ResolveValue(propertySchema);
                if (!items.TryGetProperty("items", out var itemSchema))
                {
                    problems.Add($"{at}: {type.Name}.{name} is an array without items");
                    continue;
                }

                Compare(document, json, $"{at}.{name}[]", element, itemSchema, problems, depth + 1);
            }
        }
    }

    /// <summary>The component ids a schema points at, directly or through a nullable union.</summary>
    private static IEnumerable<string> References(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            yield return reference.GetString()!;
        }

        foreach (var union in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(union, out var parts))
            {
                foreach (var part in parts.EnumerateArray().SelectMany(References))
                {
                    yield return part;
                }
            }
        }
    }

    private static (string Kind, string? Format) Expected(Type clr)
    {
        if (clr == typeof(string) || clr == typeof(char) || clr.IsEnum)
        {
            return ("string", null);
        }

        if (clr == typeof(Guid))
        {
            return ("string", "uuid");
        }

        if (clr == typeof(DateTime) || clr == typeof(DateTimeOffset))
        {
            return ("string", "date-time");
        }

        if (clr == typeof(DateOnly))
        {
            return ("string", "date");
        }

        if (clr == typeof(bool))
        {
            return ("boolean", null);
        }

        if (clr == typeof(int) || clr == typeof(long) || clr == typeof(short) || clr == typeof(byte))
        {
            return ("integer", null);
        }

        if (clr == typeof(decimal) || clr == typeof(double) || clr == typeof(float))
        {
            return ("number", null);
        }

        if (typeof(IDictionary).IsAssignableFrom(clr) || clr.GetInterfaces().Append(clr).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
        {
            return ("object", null);
        }

        return typeof(IEnumerable).IsAssignableFrom(clr) ? ("array", null) : ("object", null);
    }

    private static Type? ElementType(Type clr) =>
        clr.IsArray ? clr.GetElementType() : clr.GetInterfaces().Append(clr).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
