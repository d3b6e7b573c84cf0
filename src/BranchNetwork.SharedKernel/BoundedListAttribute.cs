namespace BranchNetwork.SharedKernel;

/// <summary>
/// Marks a query whose list is small and bounded by the business itself (business lines, the org tree,
/// one sub-branch's roster), so it may return a plain collection instead of a page. The reason says why
/// it cannot grow without bound; the paging convention test accepts nothing else without a page.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class BoundedListAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
