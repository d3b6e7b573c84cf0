using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace BranchNetwork.Host.OpenApi;

/// <summary>
/// Names each component schema after its CLR type and refuses to give one name to two types: two request
/// records both called <c>Body</c> once collapsed into one schema, so clients generated from the document sent
/// the wrong JSON. A collision now fails the document (and the contract test) instead of documenting a lie.
/// </summary>
internal sealed class SchemaIdGuard
{
    private readonly ConcurrentDictionary<string, Type> owners = new(StringComparer.Ordinal);

    public string? CreateReferenceId(JsonTypeInfo typeInfo)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);
        if (id is null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        var owner = owners.GetOrAdd(id, type);
        if (owner != type)
        {
            throw new InvalidOperationException(
                $"OpenAPI schema id '{id}' is claimed by both {owner.FullName} and {type.FullName}; give the request or response record a use-case name (e.g. DecideAppealBody).");
        }

        return id;
    }
}
