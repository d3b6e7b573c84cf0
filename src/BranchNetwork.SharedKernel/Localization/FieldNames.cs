using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Resources;
using FluentValidation;

namespace BranchNetwork.SharedKernel.Localization;

/// <summary>
/// Names the resource class whose <c>FieldName_*</c> keys give this assembly's validated properties their names in the
/// reader's language (<see cref="FieldNames"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FieldNamesAttribute(Type resourceType) : Attribute
{
    public Type ResourceType { get; } = resourceType;
}

/// <summary>
/// Field names in validation messages: FluentValidation would print the property ("'Code' 不能为空"), so every
/// validated property of a module is named in its resources instead: <c>FieldName_&lt;Type&gt;_&lt;Property&gt;</c> where one
/// module uses a name for two things (an appeal's kind, a warning's kind), else <c>FieldName_&lt;Property&gt;</c>. Read at
/// validation time, so the message follows the caller's UI culture. A <c>WithName</c> on a rule still wins.
/// The scan test (ValidatorDisplayNameTests) fails on a property without a name.
/// </summary>
public static class FieldNames
{
    public const string KeyPrefix = "FieldName_";

    private static readonly ConcurrentDictionary<Assembly, ResourceManager?> Managers = new();

    /// <summary>Makes <see cref="Resolve"/> FluentValidation's display-name resolver for the process.</summary>
    public static void Install() => ValidatorOptions.Global.DisplayNameResolver = Resolve;

    /// <summary>The property's name in the current UI culture, or null (FluentValidation then splits the property name).</summary>
    public static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression)
    {
        if (member is null || Manager(type.Assembly) is not { } manager)
        {
            return null;
        }

        var culture = CultureInfo.CurrentUICulture;
        return manager.GetString($"{KeyPrefix}{type.Name}_{member.Name}", culture) ?? manager.GetString(KeyPrefix + member.Name, culture);
    }

    private static ResourceManager? Manager(Assembly assembly) =>
        Managers.GetOrAdd(assembly, a => a.GetCustomAttribute<FieldNamesAttribute>() is { } names ? new ResourceManager(names.ResourceType) : null);
}
