using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListReviewQueue;

/// <summary>
/// A thread or reply waiting for review: where, what it says (sanitised HTML), its author as readers see them (the
/// pseudonym for anonymous content), and whether the board pre-reviews or the sensitive-word filter held it.
/// </summary>
internal sealed record ReviewQueueItem(
    Guid ItemId,
    bool IsReply,
    Guid BoardId,
    string BoardName,
    Guid ThreadId,
    string ThreadTitle,
    string Body,
    AuthorDto Author,
    bool HeldByFilter,
    DateTime CreatedAtUtc,
    long Version);

/// <summary>
/// 待审核 (CM-4): the pending threads and replies of the boards the caller moderates, oldest first, paged. Anyone may
/// ask; a caller who moderates no board gets an empty queue.
/// </summary>
[AnySignedInUser]
internal sealed record ListReviewQueueQuery(Guid? BoardId, int? Page, int? PageSize) : IQuery<PagedResult<ReviewQueueItem>>;

internal sealed class ListReviewQueueHandler(CommunityDbContext db, CommunityAccess access) : IQueryHandler<ListReviewQueueQuery, PagedResult<ReviewQueueItem>>
{
    public async ValueTask<PagedResult<ReviewQueueItem>> Handle(ListReviewQueueQuery query, CancellationToken cancellationToken)
    {
        var me = access.UserId;
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var mine = db.BoardModerators.Where(m => m.UserId == me && (query.BoardId == null || m.BoardId == query.BoardId)).Select(m => m.BoardId);
        var threads = db.Threads.AsNoTracking().Where(t => t.State == PostState.PendingReview && mine.Contains(t.BoardId));
        var replies = db.Replies.AsNoTracking().Where(r => r.State == PostState.PendingReview && mine.Contains(r.BoardId));
        var total = await threads.CountAsync(cancellationToken) + await replies.CountAsync(cancellationToken);
        var take = page * pageSize;

        var threadRows = await threads.OrderBy(t => t.CreatedAtUtc).ThenBy(t => t.Id).Take(take)
            .Join(db.Boards, t => t.BoardId, b => b.Id, (t, b) => new { t, BoardName = b.Name, b.ReviewMode })
            .ToListAsync(cancellationToken);
        var replyRows = await replies.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id).Take(take)
            .Join(db.Threads, r => r.ThreadId, t => t.Id, (r, t) => new { r, t.Title })
            .Join(db.Boards, x => x.r.BoardId, b => b.Id, (x, b) => new { x.r, x.Title, BoardName = b.Name, b.ReviewMode })
            .ToListAsync(cancellationToken);

        var items = threadRows
            .Select(x => new ReviewQueueItem(x.t.Id, false, x.t.BoardId, x.BoardName, x.t.Id, x.t.Title, x.t.Body, AuthorDto.Of(x.t),
                x.ReviewMode == ReviewMode.PostReview, x.t.CreatedAtUtc, x.t.Version))
            .Concat(replyRows.Select(x => new ReviewQueueItem(x.r.Id, true, x.r.BoardId, x.BoardName, x.r.ThreadId, x.Title, x.r.Body, AuthorDto.Of(x.r),
                x.ReviewMode == ReviewMode.PostReview, x.r.CreatedAtUtc, x.r.Version)))
            .OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.ItemId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToList();
        return new PagedResult<ReviewQueueItem>(items, page, pageSize, total);
    }
}

internal static class ListReviewQueueEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/moderation/queue", async Task<Ok<PagedResult<ReviewQueueItem>>> (Guid? boardId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListReviewQueueQuery(boardId, page, pageSize), ct)))
            .WithName("ListCommunityReviewQueue")
            .WithSummary("待审核: pending threads and replies of the boards the caller moderates, oldest first (CM-4).");
}
