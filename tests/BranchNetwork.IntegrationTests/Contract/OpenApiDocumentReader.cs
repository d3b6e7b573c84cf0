using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Contract;

/// <summary>The app's OpenAPI document as JSON, with the walks the contract tests share.</summary>
internal sealed class OpenApiDocumentReader(string json)
{
    public static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public string Json { get; } = json;

    public JsonElement Root { get; } = JsonDocument.Parse(json).RootElement.Clone();

    public JsonElement Schemas => Root.GetProperty("components").GetProperty("schemas");

    public static async Task<OpenApiDocumentReader> FetchAsync(BranchNetworkFactory app)
    {
        var response = await app.CreateAnonymousClient().GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /openapi/v1.json answered {(int)response.StatusCode}: {text}");
        if (Environment.GetEnvironmentVariable("BRANCHNET_OPENAPI_DUMP") is { Length: > 0 } dump)
        {
            await File.WriteAllTextAsync(dump, text);
        }

        return new OpenApiDocumentReader(text);
    }

    public IEnumerable<(string Path, string Method, JsonElement Operation)> Operations()
    {
        foreach (var path in Root.GetProperty("paths").EnumerateObject())
        {
            foreach (var item in path.Value.EnumerateObject().Where(i => Methods.Contains(i.Name, StringComparer.Ordinal)))
            {
                yield return (path.Name, item.Name, item.Value);
            }
        }
    }

    /// <summary>Follows a <c>$ref</c> to its component; any other schema is returned as it is.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var id = reference.GetString()!;
            const string prefix = "#/components/schemas/";
            Assert.StartsWith(prefix, id, StringComparison.Ordinal);
            Assert.True(Schemas.TryGetProperty(id[prefix.Length..], out schema), $"{id} is referenced but not defined");
        }

        return schema;
    }

    /// <summary>Follows refs and the non-null branch of a nullable union (<c>oneOf: [null, $ref]</c>) to the schema of the value.</summary>
    public JsonElement ResolveValue(JsonElement schema)
    {
        schema = Resolve(schema);
        foreach (var union in new[] { "oneOf", "anyOf" })
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(union, out var parts))
            {
                var values = parts.EnumerateArray().Where(p => !Kinds(p).SetEquals(["null"])).ToList();
                if (values.Count == 1)
                {
                    return ResolveValue(values[0]);
                }
            }
        }

        return schema;
    }

    /// <summary>The JSON types a schema allows ("string", "integer", "null", …), through refs and unions.</summary>
    public HashSet<string> Kinds(JsonElement schema)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return kinds;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.Array)
            {
                kinds.UnionWith(type.EnumerateArray().Select(t => t.GetString()!));
            }
            else
            {
                kinds.Add(type.GetString()!);
            }
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            kinds.UnionWith(values.EnumerateArray().Select(v => v.ValueKind switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => "integer",
                JsonValueKind.Null => "null",
                _ => "other",
            }));
        }

        foreach (var union in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(union, out var parts))
            {
                foreach (var part in parts.EnumerateArray())
                {
                    kinds.UnionWith(Kinds(part));
                }
            }
        }

        return kinds;
    }

    /// <summary>The format of a schema or of the non-null branch of a nullable union.</summary>
    public string? Format(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("format", out var format))
        {
            return format.GetString();
        }

        foreach (var union in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(union, out var parts))
            {
                var found = parts.EnumerateArray().Select(Format).FirstOrDefault(f => f is not null);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
