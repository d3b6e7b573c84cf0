using System.Collections;
using System.Reflection;
using BranchNetwork.SharedKernel;

namespace BranchNetwork.ArchitectureTests;

/// <summary>
/// Item 7 of the module kit: lists are paged, never cut. A query (or request) handler whose response is an
/// unpaged collection, or a wrapper whose <c>Items</c> is one, fails unless its request is marked
/// <see cref="BoundedListAttribute"/> with the reason the list stays small. A page is
/// <see cref="KeysetPage{T}"/>, <see cref="PagedResult{T}"/>, or a type with a <c>NextCursor</c> (a keyset
/// page carrying extra figures, like the inbox with its unread count). Commands are not lists; file
/// contents (<c>byte[]</c>) and text are not collections here.
/// </summary>
public sealed class PagingRules
{
    [Fact]
    public void Query_handlers_of_every_module_return_pages_or_are_marked_bounded()
    {
        var violations = Solution.Modules.SelectMany(UnpagedLists).ToList();

        Assert.True(violations.Count == 0, "Unpaged lists:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_paging_rule_fails_for_a_handler_returning_a_plain_list_or_an_items_wrapper()
    {
        var failing = UnpagedLists(typeof(PagingRules).Assembly)
            .Where(v => v.Contains("Fixtures.Paging", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(failing, v => v.Contains("PlainListQuery", StringComparison.Ordinal));
        Assert.Contains(failing, v => v.Contains("ItemsWrapperQuery", StringComparison.Ordinal));
        Assert.DoesNotContain(failing, v => v.Contains("BoundedQuery", StringComparison.Ordinal));
        Assert.DoesNotContain(failing, v => v.Contains("KeysetQuery", StringComparison.Ordinal));
    }

    /// <summary>"Request → Response" for each handled request of <paramref name="assembly"/> that returns an unpaged list.</summary>
    internal static IEnumerable<string> UnpagedLists(Assembly assembly) =>
        from handler in assembly.GetTypes()
        where handler is { IsClass: true, IsAbstract: false }
        from contract in handler.GetInterfaces()
        where contract.IsGenericType && contract.Namespace == "Mediator"
              && contract.GetGenericTypeDefinition().Name is "IQueryHandler`2" or "IRequestHandler`2"
        let request = contract.GetGenericArguments()[0]
        let response = contract.GetGenericArguments()[1]
        where IsUnpagedList(response) && !request.IsDefined(typeof(BoundedListAttribute), inherit: false)
        select $"{request.FullName} → {Describe(response)}";

    private static bool IsUnpagedList(Type response) =>
        !IsPage(response)
        && (IsCollection(response)
            || response.GetProperty("Items", BindingFlags.Public | BindingFlags.Instance) is { } items && IsCollection(items.PropertyType));

    private static bool IsPage(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(KeysetPage<>) || type.GetGenericTypeDefinition() == typeof(PagedResult<>))
        || type.GetProperty("NextCursor", BindingFlags.Public | BindingFlags.Instance)?.PropertyType == typeof(string);

    private static bool IsCollection(Type type) =>
        type != typeof(string) && type != typeof(byte[]) && typeof(IEnumerable).IsAssignableFrom(type);

    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;
}
