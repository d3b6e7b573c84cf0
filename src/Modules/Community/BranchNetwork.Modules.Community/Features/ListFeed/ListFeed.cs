using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListFeed;

/// <summary>A thread in the home feed: where, what, who (only through <see cref="AuthorDto"/>), how lively, and whether it is new to the caller.</summary>
internal sealed record FeedItem(
    Guid ThreadId,
    Guid BoardId,
    string BoardName,
    string Title,
    string Excerpt,
    AuthorDto Author,
    bool IsQuestion,
    bool IsPinned,
    bool IsFeatured,
    int ReplyCount,
    int LikeCount,
    int Score,
    DateTime LastActivityAtUtc,
    bool IsUnread);

/// <summary>
/// The home feed (CM-1): published, not archived threads of the boards the caller follows and reads, one keyset page at a
/// time. <c>sort=newest</c> (default): latest activity first (publication or the latest reply). <c>sort=hot</c>: threads
/// with activity in the last 7 days, by score = 3 × replies + 2 × likes + favourites, then latest activity; the 7-day
/// window is fixed by the first page and carried in the cursor, so paging stays stable while time passes. A thread is
/// unread when its latest activity came after the caller last read its board (the board membership's LastReadAtUtc,
/// moved by <c>POST /feed/read</c> and the board page).
/// </summary>
[AnySignedInUser]
internal sealed record ListFeedQuery(string? Sort, string? After, int? PageSize) : IQuery<KeysetPage<FeedItem>>;

internal sealed class ListFeedHandler(CommunityDbContext db, CommunityAccess access, IClock clock) : IQueryHandler<ListFeedQuery, KeysetPage<FeedItem>>
{
    public const int HotDays = 7;

    public async ValueTask<KeysetPage<FeedItem>> Handle(ListFeedQuery query, CancellationToken cancellationToken)
    {
        var hot = query.Sort?.ToLowerInvariant() switch
        {
            null or "" or "newest" => false,
            "hot" => true,
            _ => throw new ValidationFailedException("sort", DomainText.Get("FeedSortInvalid")),
        };
        var list = hot ? "community.feed.hot" : "community.feed.newest";
        var size = Paging.NormalizeSize(query.PageSize);
        var after = PageCursor.Decode(query.After, list, hot ? 4 : 2);
        var me = access.UserId;
        var boards = await access.VisibleBoardsAsync(cancellationToken);
        var rows =
            from t in db.Threads
            join m in db.Members on t.BoardId equals m.BoardId
            join b in boards on t.BoardId equals b.Id
            where m.UserId == me && m.IsFollowing && !b.IsArchived && t.State == PostState.Published && !t.IsArchived
            select new
            {
                t.Id,
                t.BoardId,
                BoardName = b.Name,
                t.Title,
                t.BodyText,
                t.AuthorId,
                t.AuthorName,
                t.Pseudonym,
                t.Kind,
                t.IsPinned,
                t.IsFeatured,
                t.ReplyCount,
                t.LikeCount,
                Score = (t.ReplyCount * 3) + (t.LikeCount * 2) + t.FavouriteCount,
                t.LastActivityAtUtc,
                m.LastReadAtUtc,
            };

        if (hot)
        {
            var since = after?.Time(3) ?? clock.UtcNow.AddDays(-HotDays);
            rows = rows.Where(r => r.LastActivityAtUtc >= since);
            if (after is not null)
            {
                var (score, time, id) = (ScoreOf(after), after.Time(1), after.Id(2));
                rows = rows.Where(r => r.Score < score || (r.Score == score && (r.LastActivityAtUtc < time || (r.LastActivityAtUtc == time && r.Id.CompareTo(id) < 0))));
            }

            var page = await rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.LastActivityAtUtc).ThenByDescending(r => r.Id)
                .Take(size + 1).AsNoTracking().ToListAsync(cancellationToken);
            return KeysetPage.From(page, size, last => PageCursor.Encode(list, last.Score, last.LastActivityAtUtc, last.Id, since))
                .Select(r => Item(r.Id, r.BoardId, r.BoardName, r.Title, r.BodyText, r.AuthorId, r.AuthorName, r.Pseudonym, r.Kind, r.IsPinned, r.IsFeatured,
                    r.ReplyCount, r.LikeCount, r.Score, r.LastActivityAtUtc, r.LastReadAtUtc));
        }

        if (after is not null)
        {
            var (time, id) = (after.Time(0), after.Id(1));
            // The first, redundant bound lets the (State, LastActivityAtUtc, Id) index start at the cursor: deep pages cost what the first does.
            rows = rows.Where(r => r.LastActivityAtUtc <= time && (r.LastActivityAtUtc < time || r.Id.CompareTo(id) < 0));
        }

        var newest = await rows.OrderByDescending(r => r.LastActivityAtUtc).ThenByDescending(r => r.Id)
            .Take(size + 1).AsNoTracking().ToListAsync(cancellationToken);
        return KeysetPage.From(newest, size, last => PageCursor.Encode(list, last.LastActivityAtUtc, last.Id))
            .Select(r => Item(r.Id, r.BoardId, r.BoardName, r.Title, r.BodyText, r.AuthorId, r.AuthorName, r.Pseudonym, r.Kind, r.IsPinned, r.IsFeatured,
                r.ReplyCount, r.LikeCount, r.Score, r.LastActivityAtUtc, r.LastReadAtUtc));
    }

    private static FeedItem Item(
        Guid id, Guid boardId, string boardName, string title, string text, Guid authorId, string authorName, string? pseudonym, ThreadKind kind,
        bool pinned, bool featured, int replies, int likes, int score, DateTime activity, DateTime lastRead) =>
        new(id, boardId, boardName, title, ActivityQueries.Excerpt(text), AuthorDto.Of(authorId, authorName, pseudonym), kind == ThreadKind.Question, pinned, featured,
            replies, likes, score, activity, activity > lastRead);

    private static int ScoreOf(CursorKey cursor) =>
        int.TryParse(cursor.Text(0), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var score)
            ? score
            : throw new ValidationFailedException(PageCursor.Field, DomainText.Get("CursorInvalid"));

}

internal static class ListFeedEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/feed", async Task<Ok<KeysetPage<FeedItem>>> (string? sort, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListFeedQuery(sort, after, pageSize), ct)))
            .WithName("ListCommunityFeed")
            .WithSummary("The home feed of followed boards (?sort=newest|hot), one keyset page at a time, with unread markers.");
}
