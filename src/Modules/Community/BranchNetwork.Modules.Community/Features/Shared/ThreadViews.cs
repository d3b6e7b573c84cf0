using BranchNetwork.Modules.Community.Contracts;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>A thread in a list (a board's, the favourites): authors only through <see cref="AuthorDto"/> (CM-3).</summary>
internal sealed record ThreadListItem(
    Guid Id,
    Guid BoardId,
    string BoardName,
    ThreadKind Kind,
    string Title,
    string Excerpt,
    AuthorDto Author,
    PostState State,
    bool IsPinned,
    bool IsFeatured,
    bool IsClosed,
    int ReplyCount,
    int LikeCount,
    int ViewCount,
    int AcceptedCount,
    IReadOnlyList<string> Tags,
    DateTime? PublishedAtUtc,
    DateTime LastActivityAtUtc,
    string Link);

/// <summary>The thread a shared one points to (转发), when the reader may read it.</summary>
internal sealed record SharedThreadView(Guid Id, string Title, string BoardName, string Link);

/// <summary>What the caller may do with a thread.</summary>
internal sealed record ThreadPermissions(bool Reply, bool Edit, bool Moderate, bool Accept, bool ManagePoll, bool Like, bool PostAnonymously);

/// <summary>One thread as its page shows it (replies come page by page from their own list).</summary>
internal sealed record ThreadDetail(
    Guid Id,
    Guid BoardId,
    string BoardName,
    ThreadKind Kind,
    string Title,
    string Body,
    AuthorDto Author,
    PostState State,
    string? ModerationReason,
    bool IsPinned,
    bool IsFeatured,
    bool IsClosed,
    bool IsArchived,
    DateTime? ExpiresAtUtc,
    DateTime? PublishedAtUtc,
    DateTime? EditedAtUtc,
    DateTime CreatedAtUtc,
    int ReplyCount,
    int LikeCount,
    int FavouriteCount,
    int ViewCount,
    int AcceptedCount,
    IReadOnlyList<string> Tags,
    SharedThreadView? SharedFrom,
    bool LikedByMe,
    bool FavouritedByMe,
    bool IsMine,
    ThreadPermissions Permissions,
    string Link);

/// <summary>The reply a reply quotes: its author (CM-3) and the start of its text.</summary>
internal sealed record QuoteView(Guid ReplyId, AuthorDto Author, string Excerpt);

/// <summary>A reply (跟帖) with its quote, likes and accepted mark.</summary>
internal sealed record ReplyView(
    Guid Id,
    Guid ThreadId,
    string Body,
    AuthorDto Author,
    PostState State,
    string? ModerationReason,
    bool IsAccepted,
    int LikeCount,
    bool LikedByMe,
    bool IsMine,
    bool CanEdit,
    QuoteView? Quote,
    DateTime? PublishedAtUtc,
    DateTime CreatedAtUtc,
    DateTime? EditedAtUtc);

/// <summary>A like's outcome: the caller's state and the count after it.</summary>
internal sealed record PostLikeState(Guid TargetId, bool Liked, int LikeCount);

/// <summary>A favourite's outcome.</summary>
internal sealed record FavouriteState(Guid ThreadId, bool Favourited, int FavouriteCount);

/// <summary>The read models of threads and replies, built in one place.</summary>
internal static class ThreadViews
{
    public const int ExcerptLength = 120;

    public static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";

    public static ThreadListItem Item(BoardThread t, string boardName, IReadOnlyList<string> tags) => new(
        t.Id, t.BoardId, boardName, t.Kind, t.Title, Excerpt(t.BodyText), AuthorDto.Of(t), t.State, t.IsPinned, t.IsFeatured, t.IsClosed,
        t.ReplyCount, t.LikeCount, t.ViewCount, t.AcceptedCount, tags, t.PublishedAtUtc, t.LastActivityAtUtc, CommunityLinks.Thread(t.Id));

    public static ThreadDetail Detail(
        Board board, BoardThread t, IReadOnlyList<string> tags, SharedThreadView? shared, bool liked, bool favourited, Guid me, bool takesPart, DateTime nowUtc)
    {
        var moderates = board.IsModerator(me);
        var mine = t.AuthorId == me;
        var open = t.IsPublished && !t.IsClosed && !t.IsArchived && !(t.ExpiresAtUtc <= nowUtc) && !board.IsArchived;
        var permissions = new ThreadPermissions(
            Reply: takesPart && open,
            Edit: takesPart && mine && t.State is PostState.Published or PostState.PendingReview,
            Moderate: moderates,
            Accept: takesPart && t.IsQuestion && (mine || moderates),
            ManagePoll: takesPart && (mine || moderates),
            Like: takesPart && t.IsPublished,
            PostAnonymously: takesPart && board.AllowsAnonymous);
        return new ThreadDetail(
            t.Id, t.BoardId, board.Name, t.Kind, t.Title, t.Body, AuthorDto.Of(t), t.State,
            mine || moderates ? t.ModerationReason : null,
            t.IsPinned, t.IsFeatured, t.IsClosed, t.IsArchived, t.ExpiresAtUtc, t.PublishedAtUtc, t.EditedAtUtc, t.CreatedAtUtc,
            t.ReplyCount, t.LikeCount, t.FavouriteCount, t.ViewCount, t.AcceptedCount, tags, shared, liked, favourited, mine, permissions,
            CommunityLinks.Thread(t.Id));
    }

    public static ReplyView Reply(Reply r, Reply? quoted, bool liked, Guid me, bool moderates)
    {
        var mine = r.AuthorId == me;
        return new ReplyView(
            r.Id, r.ThreadId, r.Body, AuthorDto.Of(r), r.State, mine || moderates ? r.ModerationReason : null, r.IsAccepted, r.LikeCount, liked, mine,
            mine && r.State is PostState.Published or PostState.PendingReview,
            quoted is null ? null : new QuoteView(quoted.Id, AuthorDto.Of(quoted), Excerpt(quoted.BodyText)),
            r.PublishedAtUtc, r.CreatedAtUtc, r.EditedAtUtc);
    }

    /// <summary>Threads a reader sees in a board's lists: published ones, their own waiting or refused ones, and for moderators every waiting one.</summary>
    public static IQueryable<BoardThread> Visible(IQueryable<BoardThread> threads, Guid me, bool moderates) =>
        moderates
            ? threads.Where(t => t.State == PostState.Published || t.State == PostState.PendingReview || (t.State == PostState.Rejected && t.AuthorId == me))
            : threads.Where(t => t.State == PostState.Published || (t.AuthorId == me && (t.State == PostState.PendingReview || t.State == PostState.Rejected)));

    public static IQueryable<Reply> VisibleReplies(IQueryable<Reply> replies, Guid me, bool moderates) =>
        moderates
            ? replies.Where(r => r.State == PostState.Published || r.State == PostState.PendingReview || (r.State == PostState.Rejected && r.AuthorId == me))
            : replies.Where(r => r.State == PostState.Published || (r.AuthorId == me && (r.State == PostState.PendingReview || r.State == PostState.Rejected)));

    /// <summary>Tags of these threads, by thread.</summary>
    public static async Task<Dictionary<Guid, List<string>>> TagsAsync(CommunityDbContext db, IReadOnlyCollection<Guid> threadIds, CancellationToken ct) =>
        (await db.Tags.AsNoTracking().Where(t => threadIds.Contains(t.ThreadId)).Select(t => new { t.ThreadId, t.Tag }).ToListAsync(ct))
            .GroupBy(t => t.ThreadId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Tag).Order(StringComparer.Ordinal).ToList());

    /// <summary>Reads the thread's detail for the caller (tags, the shared original when readable, the caller's like and favourite).</summary>
    public static async Task<ThreadDetail> ReadDetailAsync(CommunityDbContext db, ThreadRules rules, Board board, BoardThread thread, CancellationToken ct)
    {
        var me = rules.Me;
        var tags = (await TagsAsync(db, [thread.Id], ct)).GetValueOrDefault(thread.Id) ?? [];
        SharedThreadView? shared = null;
        if (thread.SharedFromThreadId is { } originalId)
        {
            var original = await db.Threads.AsNoTracking().FirstOrDefaultAsync(t => t.Id == originalId, ct);
            var originalBoard = original is null ? null : await db.Boards.AsNoTracking().Include(b => b.Moderators).FirstAsync(b => b.Id == original.BoardId, ct);
            if (original is { IsPublished: true } && originalBoard is not null && await rules.Access.CanReadAsync(originalBoard, ct))
            {
                shared = new SharedThreadView(original.Id, original.Title, originalBoard.Name, CommunityLinks.Thread(original.Id));
            }
        }

        var liked = await db.Likes.AnyAsync(l => l.TargetId == thread.Id && l.UserId == me, ct);
        var favourited = await db.Favourites.AnyAsync(f => f.ThreadId == thread.Id && f.UserId == me, ct);
        return Detail(board, thread, tags, shared, liked, favourited, me, rules.TakesPart, rules.Now);
    }
}
