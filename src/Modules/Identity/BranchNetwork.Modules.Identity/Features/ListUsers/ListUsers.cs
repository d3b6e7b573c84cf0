using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Data;
using BranchNetwork.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.Modules.Identity.Features.ListUsers;

internal sealed record ListUsersQuery(string? Search, Guid? UnitId, int? Page, int? PageSize) : IQuery<PagedResult<UserSummary>>;

internal sealed class ListUsersHandler(IdentityDbContext db, ICurrentUser currentUser) : IQueryHandler<ListUsersQuery, PagedResult<UserSummary>>
{
    public async ValueTask<PagedResult<UserSummary>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        currentUser.EnsureAnyRole(BankRoles.SystemAdmin, BankRoles.SecurityAdmin);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            users = users.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }

        if (query.UnitId is { } unitId)
        {
            users = users.Where(u => u.UnitId == unitId);
        }

        var total = await users.CountAsync(cancellationToken);
        var items = await db.SummariesAsync(users.OrderBy(u => u.UserName).Skip((page - 1) * size).Take(size), cancellationToken);
        return new PagedResult<UserSummary>(items.OrderBy(u => u.UserName, StringComparer.Ordinal).ToList(), page, size, total);
    }
}
