using System.Reflection;
using BranchNetwork.Infrastructure.Requests;

namespace BranchNetwork.ArchitectureTests;

/// <summary>
/// Item 4 of the module kit: every command and query says who may send it, on the type itself, so a missing
/// check shows in review. The mediator's authorisation behaviour reads the same declaration at run time.
/// </summary>
public sealed class RequestRules
{
    [Fact]
    public void Every_request_of_a_module_declares_exactly_one_role_rule()
    {
        var requests = Solution.Modules.SelectMany(RequestTypes).ToList();

        Assert.NotEmpty(requests);
        var undeclared = WithoutOneDeclaration(requests);
        Assert.True(undeclared.Count == 0, "Requests without exactly one declaration:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void The_declaration_rule_fails_for_a_request_with_none_or_with_two()
    {
        var fixtures = RequestTypes(typeof(RequestRules).Assembly)
            .Where(t => t.Namespace == "BranchNetwork.ArchitectureTests.Fixtures.Requests")
            .ToList();

        var failing = WithoutOneDeclaration(fixtures);

        Assert.Contains(failing, v => v.Contains(".UndeclaredQuery:", StringComparison.Ordinal));
        Assert.Contains(failing, v => v.Contains(".TwiceDeclaredCommand:", StringComparison.Ordinal));
        Assert.Contains(failing, v => v.Contains(".NobodyAllowedCommand:", StringComparison.Ordinal));
        Assert.DoesNotContain(failing, v => v.Contains(".DeclaredQuery:", StringComparison.Ordinal));
    }

    /// <summary>Commands, queries and requests of any arity (Mediator's request interfaces); events (INotification) are not requests.</summary>
    internal static IEnumerable<Type> RequestTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsRequestInterface));

    private static bool IsRequestInterface(Type type) =>
        type.Namespace == "Mediator" && type.Name is "IBaseRequest" or "IBaseCommand" or "IBaseQuery" or "IStreamRequest`1" or "IStreamCommand`1" or "IStreamQuery`1";

    private static List<string> WithoutOneDeclaration(IEnumerable<Type> requests) =>
        [.. requests.Where(t => !RequestAuthorization.Read(t).IsValid).Select(t => $"{t.FullName}: {RequestAuthorization.Read(t).Kind}")];
}
