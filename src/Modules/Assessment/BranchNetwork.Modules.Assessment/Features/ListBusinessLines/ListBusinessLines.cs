using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Assessment.Features.ListBusinessLines;

internal sealed record BusinessLineOption(Guid Id, string Code, string Name);

/// <summary>
/// The business lines (条线) a special scheme can be for, for the scheme editor. API clients read the same units
/// from <c>GET /api/identity/units</c>, so this query has no endpoint of its own. The bank has a handful of lines: one list.
/// </summary>
[AnySignedInUser]
[BoundedList("head office's business lines: a handful per branch")]
internal sealed record ListBusinessLinesQuery : IQuery<IReadOnlyList<BusinessLineOption>>;

internal sealed class ListBusinessLinesHandler(IOrganisationDirectory directory, ICurrentUser user) : IQueryHandler<ListBusinessLinesQuery, IReadOnlyList<BusinessLineOption>>
{
    public async ValueTask<IReadOnlyList<BusinessLineOption>> Handle(ListBusinessLinesQuery query, CancellationToken cancellationToken)
    {
        user.RequireUserId();
        return [.. (await directory.ListBusinessLinesAsync(cancellationToken)).Select(u => new BusinessLineOption(u.Id, u.Code, u.Name))];
    }
}
