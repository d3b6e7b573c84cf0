using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace BranchNetwork.SharedKernel;

/// <summary>
/// Finds characters no bank user types on purpose. NUL: PostgreSQL cannot store it in text columns, so such input is
/// refused at the edge rather than failing deep in the database. Bidirectional controls (U+202A–U+202E, U+2066–U+2069,
/// U+200E, U+200F, U+061C): they make a name display as something else ("Trojan Source"), so names and codes refuse
/// them and free text has them removed (ADR 0018).
/// </summary>
public static class TextGuard
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> StringProperties = new();

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> WritableProperties = new();

    public static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    public static bool HasBidiControl(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (IsBidiControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="value"/> without its bidirectional controls (the same instance when it has none).</summary>
    public static string? WithoutBidiControls(string? value) =>
        HasBidiControl(value) ? string.Concat(value!.Where(c => !IsBidiControl(c))) : value;

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

    /// <summary>
    /// Removes bidirectional controls from every string of a message, in place: its own settable (init) string
    /// properties and those of the records in its lists, two levels deep. It runs after validation, which has already
    /// refused them in names and codes, so what it changes is free text only.
    /// </summary>
    public static void StripBidiControls(object? message, int depth = 0)
    {
        if (message is null || depth > 2 || message is string || message.GetType().IsValueType)
        {
            return;
        }

        if (message is IEnumerable items)
        {
            if (message is byte[] || message is IDictionary)
            {
                return;
            }

            foreach (var item in items)
            {
                StripBidiControls(item, depth + 1);
            }

            return;
        }

        foreach (var property in WritableProperties.GetOrAdd(message.GetType(), ReadWritable))
        {
            var value = property.GetValue(message);
            if (value is string text)
            {
                if (HasBidiControl(text))
                {
                    property.SetValue(message, WithoutBidiControls(text));
                }
            }
            else
            {
                StripBidiControls(value, depth + 1);
            }
        }
    }

    private static PropertyInfo[] ReadWritable(Type type) =>
        type.Namespace?.StartsWith("BranchNetwork.", StringComparison.Ordinal) != true
            ? []
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead
                    && ((p.PropertyType == typeof(string) && p.SetMethod is not null)
                        || (p.PropertyType != typeof(string) && !p.PropertyType.IsValueType && p.PropertyType != typeof(byte[]) && !typeof(Stream).IsAssignableFrom(p.PropertyType))))
                .ToArray();
}
