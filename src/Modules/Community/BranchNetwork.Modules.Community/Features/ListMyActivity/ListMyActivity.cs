using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListMyActivity;

internal enum ActivityKind
{
    /// <summary>Someone replied to a thread of the caller.</summary>
    Reply = 0,

    /// <summary>Someone wrote "@the caller's name" in a thread or reply.</summary>
    Mention = 1,
}

/// <summary>A reply to one of the caller's threads or a mention of the caller; new when it came after the caller last looked.</summary>
internal sealed record ActivityItem(ActivityKind Kind, Guid ThreadId, Guid? ReplyId, string ThreadTitle, string Excerpt, AuthorDto Author, DateTime AtUtc, bool IsNew);

/// <summary>
/// 与我相关 (SPEC §9 "mentions and replies"): replies to the caller's threads and posts mentioning the caller, in boards the
/// caller reads, newest first, one keyset page at a time (the posts' ids grow with time). Items after the caller last
/// looked (<c>POST /activity/seen</c>) are new; the staff home cards count them.
/// </summary>
[AnySignedInUser]
internal sealed record ListMyActivityQuery(string? After, int? PageSize) : IQuery<KeysetPage<ActivityItem>>;

internal sealed class ListMyActivityHandler(CommunityDbContext db, CommunityAccess access, IClock clock) : IQueryHandler<ListMyActivityQuery, KeysetPage<ActivityItem>>
{
    private const string List = "community.activity";

    public async ValueTask<KeysetPage<ActivityItem>> Handle(ListMyActivityQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.NormalizeSize(query.PageSize);
        var before = PageCursor.Decode(query.After, List, 1)?.Id(0);
        var me = access.UserId;
        var boards = await access.VisibleBoardsAsync(cancellationToken);
        var window = clock.UtcNow.AddDays(-ActivityQueries.WindowDays);
        var seen = await ActivityQueries.SeenAsync(db, me, clock.UtcNow, cancellationToken);
        var replies = ActivityQueries.RepliesTo(db, me, boards, window);
        if (before is { } b)
        {
            replies = replies.Where(r => r.Id.CompareTo(b) < 0);
        }

        var replyRows = await replies.OrderByDescending(r => r.Id).Take(size + 1)
            .Select(r => new Row { PostId = r.Id, ThreadId = r.ThreadId, ReplyId = r.Id, Kind = ActivityKind.Reply })
            .AsNoTracking().ToListAsync(cancellationToken);
        var name = await access.DisplayNameAsync(cancellationToken);
        var mentionRows = await SearchIndex.Mentioning(db, name, me, boards, window, before).OrderByDescending(h => h.PostId).Take(size + 1)
            .AsNoTracking().ToListAsync(cancellationToken);
        var rows = replyRows
            .Concat(mentionRows.Where(m => !replyRows.Exists(r => r.PostId == m.PostId))
                .Select(m => new Row { PostId = m.PostId, ThreadId = m.ThreadId, ReplyId = m.ReplyId, Kind = ActivityKind.Mention }))
            .OrderByDescending(r => r.PostId.ToString("N", System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .Take(size + 1)
            .ToList();
        var page = KeysetPage.From(rows, size, last => PageCursor.Encode(List, last.PostId));

        var threadIds = page.Items.Select(r => r.ThreadId).Distinct().ToList();
        var replyIds = page.Items.Where(r => r.ReplyId is not null).Select(r => r.ReplyId!.Value).ToList();
        var threads = await db.Threads.Where(t => threadIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Title, t.BodyText, t.AuthorId, t.AuthorName, t.Pseudonym, At = t.PublishedAtUtc ?? t.CreatedAtUtc })
            .AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var replyTexts = await db.Replies.Where(r => replyIds.Contains(r.Id))
            .Select(r => new { r.Id, r.BodyText, r.AuthorId, r.AuthorName, r.Pseudonym, At = r.PublishedAtUtc ?? r.CreatedAtUtc })
            .AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        return page.Select(row =>
        {
            var t = threads[row.ThreadId];
            if (row.ReplyId is { } id && replyTexts.TryGetValue(id, out var r))
            {
                return new ActivityItem(row.Kind, t.Id, id, t.Title, ActivityQueries.Excerpt(r.BodyText), AuthorDto.Of(r.AuthorId, r.AuthorName, r.Pseudonym), r.At, r.At > seen);
            }

            return new ActivityItem(row.Kind, t.Id, null, t.Title, ActivityQueries.Excerpt(t.BodyText), AuthorDto.Of(t.AuthorId, t.AuthorName, t.Pseudonym), t.At, t.At > seen);
        });
    }

    private sealed class Row
    {
        public Guid PostId { get; init; }

        public Guid ThreadId { get; init; }

        public Guid? ReplyId { get; init; }

        public ActivityKind Kind { get; init; }
    }
}

internal static class ListMyActivityEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/activity", async Task<Ok<KeysetPage<ActivityItem>>> (string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyActivityQuery(after, pageSize), ct)))
            .WithName("ListCommunityActivity")
            .WithSummary("与我相关: replies to the caller's threads and mentions of the caller, newest first, one keyset page at a time.");
}
