using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListReplies;

/// <summary>
/// CM-1: a thread's replies oldest first, one keyset page at a time, each with its quote, likes, the caller's like and
/// the accepted mark; waiting or refused replies only to their author and the board's moderators.
/// </summary>
[AnySignedInUser]
internal sealed record ListRepliesQuery(Guid ThreadId, string? After, int? PageSize) : IQuery<KeysetPage<ReplyView>>;

internal sealed class ListRepliesHandler(CommunityDbContext db, CommunityAccess access) : IQueryHandler<ListRepliesQuery, KeysetPage<ReplyView>>
{
    public async ValueTask<KeysetPage<ReplyView>> Handle(ListRepliesQuery query, CancellationToken cancellationToken)
    {
        var (board, thread) = await access.ReadableThreadAsync(query.ThreadId, cancellationToken);
        var list = $"community.replies.{thread.Id:N}";
        var size = Paging.NormalizeSize(query.PageSize);
        var after = PageCursor.Decode(query.After, list, 2);
        var me = access.UserId;
        var moderates = board.IsModerator(me);
        var replies = ThreadViews.VisibleReplies(db.Replies.AsNoTracking().Where(r => r.ThreadId == thread.Id), me, moderates);
        if (after is not null)
        {
            var (time, id) = (after.Time(0), after.Id(1));
            // The first, redundant bound lets the index start at the cursor, however long the thread.
            replies = replies.Where(r => r.CreatedAtUtc >= time && (r.CreatedAtUtc > time || r.Id.CompareTo(id) > 0));
        }

        var rows = await replies.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id).Take(size + 1).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var quotedIds = rows.Where(r => r.QuotedReplyId is not null).Select(r => r.QuotedReplyId!.Value).Distinct().ToList();
        var quoted = await db.Replies.AsNoTracking().Where(r => quotedIds.Contains(r.Id) && r.State == PostState.Published).ToDictionaryAsync(r => r.Id, cancellationToken);
        var liked = (await db.Likes.AsNoTracking().Where(l => l.UserId == me && ids.Contains(l.TargetId)).Select(l => l.TargetId).ToListAsync(cancellationToken)).ToHashSet();
        var page = KeysetPage.From(rows, size, last => PageCursor.Encode(list, last.CreatedAtUtc, last.Id));
        return page.Select(r => ThreadViews.Reply(r, r.QuotedReplyId is { } q ? quoted.GetValueOrDefault(q) : null, liked.Contains(r.Id), me, moderates));
    }
}

internal static class ListRepliesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/threads/{id:guid}/replies", async Task<Ok<KeysetPage<ReplyView>>> (Guid id, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListRepliesQuery(id, after, pageSize), ct)))
            .WithName("ListCommunityReplies")
            .WithSummary("A thread's replies oldest first, one keyset page at a time, with quotes, likes and accepted answers.");
}
