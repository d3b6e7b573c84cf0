namespace BranchNetwork.SharedKernel;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>Clamps user-supplied paging so a request can never ask for an unbounded page.</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize)
    {
        var p = page is null or < 1 ? 1 : page.Value;
        var s = pageSize is null or < 1 ? 20 : Math.Min(pageSize.Value, MaxPageSize);
        return (p, s);
    }
}
