using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace BranchNetwork.ArchitectureTests;

/// <summary>
/// Slices (one use case per <c>Features/&lt;VerbNoun&gt;/</c>) never use each other; what several share lives in
/// <c>Features.Shared</c>. And pages (ADR 0009) get data only by sending requests: no injected DbContext, nor a
/// service built on one.
/// </summary>
internal static partial class SliceRules
{
    private const string SharedSlice = "Shared";

    /// <summary>Types of <paramref name="types"/> in a slice namespace that use a type of another slice (Features.Shared excepted).</summary>
    public static IReadOnlyList<string> SlicesUsingOtherSlices(Types types)
    {
        var all = types.GetTypes().Where(t => !t.Name.StartsWith('<')).ToList();
        var slices = all.Select(t => SliceOf(t.Namespace)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var failing = new List<string>();
        foreach (var slice in slices.Where(s => !s.EndsWith("." + SharedSlice, StringComparison.Ordinal)))
        {
            // Whole type names of the other slices, so Features.GetScheme never matches Features.GetSchemeHistory.
            var others = all.Where(t => SliceOf(t.Namespace) is { } other && other != slice && !other.EndsWith("." + SharedSlice, StringComparison.Ordinal))
                .Select(t => t.FullName!).ToArray();
            if (others.Length == 0)
            {
                continue;
            }

            var result = types.That().ResideInNamespaceMatching("^" + Regex.Escape(slice) + @"(\..+)?$")
                .ShouldNot().HaveDependencyOnAny(others)
                .GetResult();
            failing.AddRange(result.FailingTypeNames ?? []);
        }

        return failing;
    }

    /// <summary>
    /// Components that inject a DbContext, or a type whose constructor takes one (one level down): its scope would be the
    /// circuit's, so its context and what it caches (org scope, tracked rows) would outlive the request. Pages send.
    /// </summary>
    public static IReadOnlyList<string> ComponentsInjectingDataAccess(IEnumerable<Type> types)
    {
        const BindingFlags everyProperty = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        return [.. types
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(everyProperty)
                .Where(p => p.IsDefined(typeof(InjectAttribute)) && HoldsADbContext(p.PropertyType))
                .Select(p => $"{t.FullName}.{p.Name} ({p.PropertyType.Name})"))
            .Distinct()];
    }

    private static bool HoldsADbContext(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || (!type.IsInterface && type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(c => c.GetParameters().Any(p => typeof(DbContext).IsAssignableFrom(p.ParameterType))));

    /// <summary>"X.Features.GetScheme.Inner" → "X.Features.GetScheme"; null outside Features.</summary>
    private static string? SliceOf(string? ns) => ns is not null && SlicePattern().Match(ns) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"^.*?\.Features\.[^.]+")]
    private static partial Regex SlicePattern();
}

public sealed class SliceRuleTests
{
    [Fact]
    public void No_slice_of_a_module_uses_another_slice()
    {
        foreach (var module in Solution.Modules)
        {
            Assert.Empty(SliceRules.SlicesUsingOtherSlices(Types.InAssembly(module)));
        }
    }

    [Fact]
    public void The_slice_rule_fails_for_a_slice_using_another_and_lets_shared_code_through()
    {
        var failing = SliceRules.SlicesUsingOtherSlices(Types.InNamespace("BranchNetwork.ArchitectureTests.Fixtures.SliceModule"));

        Assert.Contains(failing, name => name.EndsWith("ReachesIntoAnotherSlice", StringComparison.Ordinal));
        Assert.DoesNotContain(failing, name => name.EndsWith("UsesSharedCode", StringComparison.Ordinal));
        Assert.DoesNotContain(failing, name => name.Contains(".Shared.", StringComparison.Ordinal));
    }

    [Fact]
    public void No_page_injects_a_DbContext_or_a_service_built_on_one()
    {
        foreach (var assembly in Solution.Modules.Append(Solution.Host))
        {
            Assert.Empty(SliceRules.ComponentsInjectingDataAccess(assembly.GetTypes()));
        }
    }

    [Fact]
    public void The_page_data_rule_fails_for_a_component_injecting_a_DbContext_or_a_service_that_takes_one()
    {
        var fixtures = typeof(Fixtures.PageData.InjectsAServiceOnADbContext).Assembly.GetTypes()
            .Where(t => t.Namespace == "BranchNetwork.ArchitectureTests.Fixtures.PageData");

        var failing = SliceRules.ComponentsInjectingDataAccess(fixtures);

        Assert.Contains(failing, name => name.Contains("InjectsAServiceOnADbContext.Data", StringComparison.Ordinal));
        Assert.Contains(failing, name => name.Contains("InjectsADbContext.Db", StringComparison.Ordinal));
        Assert.DoesNotContain(failing, name => name.Contains("InjectsOnlyASender", StringComparison.Ordinal));
    }
}
