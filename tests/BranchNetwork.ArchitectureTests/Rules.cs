using System.Reflection;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;

namespace BranchNetwork.ArchitectureTests;

/// <summary>The house rules as functions over a set of types, so each can be shown to fail on a violating type.</summary>
internal static class Rules
{
    /// <summary>
    /// Types of <paramref name="types"/> that use another module's implementation (anything of it but its .Contracts).
    /// </summary>
    public static IReadOnlyList<string> UsingOtherModulesInternals(Types types, IEnumerable<Assembly> otherModules)
    {
        var forbidden = otherModules.SelectMany(ImplementationNames).Distinct().ToArray();
        if (forbidden.Length == 0)
        {
            return [];
        }

        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames];
    }

    /// <summary>
    /// Types of <paramref name="types"/> (the host) that use a module's implementation: the host may use a module's
    /// .Contracts and its <see cref="IModule"/> class (listed in the catalog), nothing else of it.
    /// </summary>
    public static IReadOnlyList<string> HostUsingModuleInternals(Types types, IEnumerable<Assembly> modules)
    {
        var moduleClasses = modules.SelectMany(m => m.GetTypes()).Where(t => typeof(IModule).IsAssignableFrom(t)).Select(t => t.FullName!).ToHashSet();
        var forbidden = modules.SelectMany(ImplementationNames).Where(n => !moduleClasses.Contains(n)).Distinct().ToArray();
        var result = types
            // Mediator's generated dispatcher lives in the host and names every handler: that is its job.
            .That().DoNotResideInNamespaceStartingWith("Mediator")
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames];
    }

    /// <summary>Types of a module that are public although they need not be (Blazor components must be public for routing).</summary>
    public static IReadOnlyList<string> PublicWithoutNeed(Types types)
    {
        var result = types
            .That().DoNotInherit(typeof(ComponentBase))
            .And().DoNotHaveNameStartingWith("<")
            .And().DoNotResideInNamespaceStartingWith("__Blazor")
            .And().DoNotHaveName("_Imports")
            .Should().NotBePublic()
            .GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames];
    }

    /// <summary>Mediator handlers that are not sealed.</summary>
    public static IReadOnlyList<string> UnsealedHandlers(Types types)
    {
        var result = types.That().HaveNameEndingWith("Handler").And().AreClasses().Should().BeSealed().GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames];
    }

    /// <summary>
    /// Components that inject the mediator itself: its handlers would share the request's (or the whole
    /// circuit's) DbContexts with every other component on the page. Pages inject <c>IPageSender</c>.
    /// </summary>
    public static IReadOnlyList<string> ComponentsInjectingTheMediator(IEnumerable<Type> types)
    {
        Type[] mediator = [typeof(Mediator.ISender), typeof(Mediator.IMediator), typeof(Mediator.IPublisher)];
        const BindingFlags everyProperty = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return [.. types
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .Where(t => t.GetProperties(everyProperty).Any(p => p.IsDefined(typeof(InjectAttribute)) && mediator.Contains(p.PropertyType)))
            .Select(t => t.FullName!)];
    }

    /// <summary>Namespaces (and root-namespace type names) of a module that are not its contracts.</summary>
    private static IEnumerable<string> ImplementationNames(Assembly module)
    {
        var root = module.GetName().Name!;
        // Only the module's own namespaces: source generators put helpers of any assembly in shared ones
        // (System.Text.RegularExpressions.Generated), which would make every module "depend" on every other.
        foreach (var type in module.GetTypes().Where(t => t.Namespace is not null && !t.Name.StartsWith('<') && t.Namespace.StartsWith(root, StringComparison.Ordinal)))
        {
            yield return type.Namespace == root ? type.FullName! : type.Namespace!;
        }
    }
}
