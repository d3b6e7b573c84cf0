using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Identity.Features.ListUsers;

/// <summary>
/// Users by user name (keyset: the list grows with the bank). <paramref name="After"/> is the
/// <c>nextCursor</c> of the previous page; a cursor is valid only with the same filters.
/// </summary>
[AllowedRoles(BankRoles.SystemAdmin, BankRoles.SecurityAdmin)]
internal sealed record ListUsersQuery(string? Search, Guid? UnitId, string? After, int? PageSize) : IQuery<KeysetPage<UserSummary>>;

internal sealed class ListUsersHandler(IdentityDbContext db) : IQueryHandler<ListUsersQuery, KeysetPage<UserSummary>>
{
    public async ValueTask<KeysetPage<UserSummary>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.NormalizeSize(query.PageSize);
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        // The cursor is bound to the filters: the same key means another row in another search.
        var list = $"identity.users|{search}|{query.UnitId}";
        var after = PageCursor.Decode(query.After, list, 1);

        var users = db.Users.AsNoTracking();
        if (search is not null)
        {
            users = users.Where(u => u.UserName!.Contains(search) || u.DisplayName.Contains(search));
        }

        if (query.UnitId is { } unitId)
        {
            users = users.Where(u => u.UnitId == unitId);
        }

        // The normalised name is unique and indexed (Identity's UserNameIndex): a stable order with no tie-break.
        if (after is not null)
        {
            var last = after.Text(0);
            users = users.Where(u => string.Compare(u.NormalizedUserName, last) > 0);
        }

        var keys = await users.OrderBy(u => u.NormalizedUserName).Select(u => new { u.Id, u.NormalizedUserName }).Take(size + 1).ToListAsync(cancellationToken);
        var page = KeysetPage.From(keys, size, k => PageCursor.Encode(list, k.NormalizedUserName!));
        var ids = page.Items.Select(k => k.Id).ToList();
        var summaries = (await db.SummariesAsync(db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)), cancellationToken)).ToDictionary(s => s.Id);
        return page.Select(k => summaries[k.Id]);
    }
}
