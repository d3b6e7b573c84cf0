using System.Collections.Concurrent;
using System.Reflection;

namespace BranchNetwork.SharedKernel;

/// <summary>
/// Finds NUL characters in a message's text. PostgreSQL cannot store them in text columns, and no
/// bank user types one: such input is refused at the edge rather than failing deep in the database.
/// </summary>
public static class TextGuard
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> StringProperties = new();

    public static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    /// <summary>Names (camelCase) of the message's string properties that hold a NUL.</summary>
    public static IEnumerable<string> FieldsWithNul(object message)
    {
        var properties = StringProperties.GetOrAdd(message.GetType(), type => type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)
            .ToArray());
        foreach (var property in properties)
        {
            if (HasNul((string?)property.GetValue(message)))
            {
                yield return char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            }
        }
    }
}
