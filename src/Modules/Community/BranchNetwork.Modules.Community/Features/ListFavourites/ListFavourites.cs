using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListFavourites;

/// <summary>CM-1 我的收藏: the caller's favourite threads, newest kept first, one keyset page at a time; threads of boards they no longer read, or taken down, are left out.</summary>
[AnySignedInUser]
internal sealed record ListFavouritesQuery(string? After, int? PageSize) : IQuery<KeysetPage<ThreadListItem>>;

internal sealed class ListFavouritesHandler(CommunityDbContext db, CommunityAccess access) : IQueryHandler<ListFavouritesQuery, KeysetPage<ThreadListItem>>
{
    private const string List = "community.favourites";

    public async ValueTask<KeysetPage<ThreadListItem>> Handle(ListFavouritesQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.NormalizeSize(query.PageSize);
        var after = PageCursor.Decode(query.After, List, 2);
        var me = access.UserId;
        var boards = await access.VisibleBoardsAsync(cancellationToken);
        var rows = db.Favourites.AsNoTracking()
            .Where(f => f.UserId == me)
            .Join(db.Threads.AsNoTracking().Where(t => t.State == PostState.Published), f => f.ThreadId, t => t.Id, (f, t) => new { f.AtUtc, FavouriteId = f.Id, Thread = t })
            .Join(boards, x => x.Thread.BoardId, b => b.Id, (x, b) => new { x.AtUtc, x.FavouriteId, x.Thread, BoardName = b.Name });
        if (after is not null)
        {
            var (time, id) = (after.Time(0), after.Id(1));
            rows = rows.Where(x => x.AtUtc < time || (x.AtUtc == time && x.FavouriteId.CompareTo(id) < 0));
        }

        var items = await rows.OrderByDescending(x => x.AtUtc).ThenByDescending(x => x.FavouriteId).Take(size + 1).ToListAsync(cancellationToken);
        var tags = await ThreadViews.TagsAsync(db, [.. items.Select(i => i.Thread.Id)], cancellationToken);
        var page = KeysetPage.From(items, size, last => PageCursor.Encode(List, last.AtUtc, last.FavouriteId));
        return page.Select(x => ThreadViews.Item(x.Thread, x.BoardName, tags.GetValueOrDefault(x.Thread.Id) ?? []));
    }
}

internal static class ListFavouritesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/favourites", async Task<Ok<KeysetPage<ThreadListItem>>> (string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListFavouritesQuery(after, pageSize), ct)))
            .WithName("ListCommunityFavourites")
            .WithSummary("我的收藏: the caller's favourite threads, newest first, one keyset page at a time (boards they read only).");
}
