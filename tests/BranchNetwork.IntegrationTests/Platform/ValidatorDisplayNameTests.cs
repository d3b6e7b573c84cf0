using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using BranchNetwork.Testing;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// Issue 11: a banker reading "'Code' 不能为空" or "'Requested Value' 必须在 -100 (包含)和 100 (包含)之间" sees the
/// program's field names, not the form's. Every validator of every module, fed an empty, a blank, an oversized and a
/// negative instance of its message under zh-CN, must name every field in Chinese: no quoted Latin word and no
/// property name (raw or split into words) may appear in a message. The validators come from the host's own
/// container, so a new slice is checked the day it is added.
/// </summary>
public sealed class ValidatorDisplayNameTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private enum Shape { Default, Blank, Oversized, Negative }

    [Fact]
    public void Every_validation_message_of_every_module_names_its_fields_in_chinese()
    {
        app.EnsureAvailable();
        var messageTypes = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } name && name.StartsWith("BranchNetwork.Modules.", StringComparison.Ordinal) && !name.EndsWith(".Contracts", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct()
            .ToList();
        Assert.True(messageTypes.Count >= 40, $"only {messageTypes.Count} validated messages found");

        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var leaks = new List<string>();
        var checkedMessages = 0;
        try
        {
            using var scope = app.Services.CreateScope();
            foreach (var messageType in messageTypes)
            {
                var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(messageType)).Cast<IValidator>().ToList();
                foreach (var shape in Enum.GetValues<Shape>())
                {
                    var instance = Sample(messageType, shape, 0);
                    // One property at a time: a rule that throws on this shape must not hide its neighbours' messages.
                    foreach (var (validator, member) in validators.SelectMany(v => v.CreateDescriptor().GetMembersWithValidators().Select(g => (v, g.Key))))
                    {
                        FluentValidation.Results.ValidationResult result;
                        try
                        {
                            var selector = ValidatorOptions.Global.ValidatorSelectors.MemberNameValidatorSelectorFactory([member]);
                            result = validator.Validate(new ValidationContext<object>(instance!, new FluentValidation.Internal.PropertyChain(), selector));
                        }
                        catch (Exception e) when (e is NullReferenceException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
                        {
                            // A rule that cannot read this shape says nothing about names; the bad-input suites own it.
                            continue;
                        }

                        foreach (var failure in result.Errors)
                        {
                            checkedMessages++;
                            if (Leak(failure.PropertyName, failure.ErrorMessage) is { } word)
                            {
                                leaks.Add($"{messageType.Name}.{failure.PropertyName} ({shape}): \"{failure.ErrorMessage}\" shows \"{word}\"");
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        Assert.True(checkedMessages >= 100, $"only {checkedMessages} messages produced: the samples no longer reach the rules");
        Assert.True(leaks.Count == 0, $"{leaks.Count} messages show an English field name:\n" + string.Join('\n', leaks.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_check_recognises_the_messages_of_the_issue()
    {
        Assert.Equal("Code", Leak("Code", "'Code' 不能为空。"));
        Assert.Equal("Requested Value", Leak("RequestedValue", "'Requested Value' 必须在 -100 (包含)和 100 (包含)之间。"));
        Assert.Equal("Value", Leak("Cells[0].Value", "Value 必须大于 0。"));
        Assert.Null(Leak("Cells[0].Value", "'目标值' 必须大于 0。"));
        Assert.Null(Leak("Month", "'月份' 格式应为 yyyy-MM。"));
    }

    /// <summary>The English word a message shows for its field, or null: a quoted Latin word, or the property's name raw or split.</summary>
    private static string? Leak(string propertyPath, string message)
    {
        for (var start = message.IndexOf('\'', StringComparison.Ordinal); start >= 0 && start < message.Length - 1; start = message.IndexOf('\'', start + 1))
        {
            var end = message.IndexOf('\'', start + 1);
            if (end < 0)
            {
                break;
            }

            var quoted = message[(start + 1)..end];
            if (quoted.Any(char.IsAsciiLetter) && !quoted.Any(c => c > 0x2E80))
            {
                return quoted;
            }

            start = end;
        }

        foreach (var segment in propertyPath.Split('.'))
        {
            var name = segment.Split('[')[0];
            if (name.Length < 2)
            {
                continue;
            }

            foreach (var form in new[] { name, Split(name) })
            {
                if (ContainsWord(message, form))
                {
                    return form;
                }
            }
        }

        return null;
    }

    private static string Split(string pascal)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                text.Append(' ');
            }

            text.Append(pascal[i]);
        }

        return text.ToString();
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsAsciiLetter(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsAsciiLetter(text[at + word.Length]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An instance of a message in one of four shapes, its collections holding one element of the same shape so that nested rules speak too.</summary>
    private static object? Sample(Type type, Shape shape, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return shape == Shape.Default ? null : Sample(underlying, shape, depth);
        }

        if (shape == Shape.Default && depth > 0)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        if (type == typeof(string))
        {
            return shape switch { Shape.Blank => "", Shape.Oversized => new string('x', 5000), Shape.Negative => "-1", _ => null };
        }

        if (type.IsEnum)
        {
            return shape == Shape.Oversized ? Enum.ToObject(type, 999) : Activator.CreateInstance(type);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            var value = shape switch { Shape.Oversized => 1_000_000_000m, Shape.Negative => -1_000_000_000m, _ => 0m };
            return type == typeof(short) ? (short)Math.Clamp(value, short.MinValue, short.MaxValue) : Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateOnly))
        {
            return shape switch { Shape.Oversized => DateOnly.MaxValue, Shape.Negative => DateOnly.MinValue, _ => default(DateOnly) };
        }

        if (type == typeof(DateTimeOffset))
        {
            return shape switch { Shape.Oversized => DateTimeOffset.MaxValue, Shape.Negative => DateTimeOffset.MinValue, _ => default(DateTimeOffset) };
        }

        if (type.IsValueType)
        {
            return Activator.CreateInstance(type);
        }

        if (depth > 4 || type.IsAbstract && !type.IsInterface || typeof(Delegate).IsAssignableFrom(type) || typeof(System.IO.Stream).IsAssignableFrom(type))
        {
            return null;
        }

        var element = type.IsArray ? type.GetElementType() : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
        if (element is not null && type.GetGenericArguments().Length <= 1)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            if (shape != Shape.Default)
            {
                list.Add(Sample(element, shape, depth + 1));
            }

            if (type.IsArray)
            {
                var array = Array.CreateInstance(element, list.Count);
                list.CopyTo(array, 0);
                return array;
            }

            return type.IsInstanceOfType(list) ? list : null;
        }

        if (type.IsInterface || type.Namespace?.StartsWith("BranchNetwork", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var instance = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!field.IsInitOnly || field.Name.StartsWith('<'))
            {
                field.SetValue(instance, Sample(field.FieldType, shape, depth + 1));
            }
        }

        return instance;
    }
}
