using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListBoardThreads;

/// <summary>
/// CM-1: a board's threads, pinned (置顶) first, then newest activity, one keyset page at a time, optionally by tag.
/// Archived threads are left out; threads waiting for review or refused reach only their author and the board's
/// moderators. 404 outside the board's audience (ORG-3).
/// </summary>
[AnySignedInUser]
internal sealed record ListBoardThreadsQuery(Guid BoardId, string? Tag, string? After, int? PageSize) : IQuery<KeysetPage<ThreadListItem>>;

internal sealed class ListBoardThreadsHandler(CommunityDbContext db, CommunityAccess access)
    : IQueryHandler<ListBoardThreadsQuery, KeysetPage<ThreadListItem>>
{
    public async ValueTask<KeysetPage<ThreadListItem>> Handle(ListBoardThreadsQuery query, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(query.BoardId, cancellationToken);
        var tag = string.IsNullOrWhiteSpace(query.Tag) ? null : query.Tag.Trim().TrimStart('#', '＃');
        if (tag is { Length: > ThreadTag.MaxLength })
        {
            throw DomainText.Invalid("tag", "TagsInvalid", ThreadTag.MaxPerThread, ThreadTag.MaxLength);
        }

        var list = $"community.board.{board.Id:N}.{tag}";
        var size = Paging.NormalizeSize(query.PageSize);
        var after = PageCursor.Decode(query.After, list, 3);
        var me = access.UserId;
        var threads = ThreadViews.Visible(db.Threads.AsNoTracking().Where(t => t.BoardId == board.Id && !t.IsArchived), me, board.IsModerator(me));
        if (tag is not null)
        {
            threads = threads.Where(t => db.Tags.Any(x => x.ThreadId == t.Id && x.Tag == tag));
        }

        if (after is not null)
        {
            var (pinned, time, id) = (after.Flag(0), after.Time(1), after.Id(2));
            threads = pinned
                ? threads.Where(t => !t.IsPinned || t.LastActivityAtUtc < time || (t.LastActivityAtUtc == time && t.Id.CompareTo(id) < 0))
                : threads.Where(t => !t.IsPinned && t.LastActivityAtUtc <= time && (t.LastActivityAtUtc < time || t.Id.CompareTo(id) < 0));
        }

        var rows = await threads
            .OrderByDescending(t => t.IsPinned)
            .ThenByDescending(t => t.LastActivityAtUtc)
            .ThenByDescending(t => t.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var tags = await ThreadViews.TagsAsync(db, [.. rows.Select(r => r.Id)], cancellationToken);
        var page = KeysetPage.From(rows, size, last => PageCursor.Encode(list, last.IsPinned, last.LastActivityAtUtc, last.Id));
        return page.Select(t => ThreadViews.Item(t, board.Name, tags.GetValueOrDefault(t.Id) ?? []));
    }
}

internal static class ListBoardThreadsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/boards/{id:guid}/threads", async Task<Ok<KeysetPage<ThreadListItem>>> (Guid id, string? tag, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListBoardThreadsQuery(id, tag, after, pageSize), ct)))
            .WithName("ListCommunityBoardThreads")
            .WithSummary("A board's threads, pinned first then newest activity (?tag=), one keyset page at a time; archived threads left out (404 outside its audience).");
}
