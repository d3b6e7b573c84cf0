namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>What the feed, the 与我相关 list and the staff home cards share: the excerpt of a post and the replies to a user's threads.</summary>
internal static class ActivityQueries
{
    /// <summary>How far back the 与我相关 list and the home cards look.</summary>
    public const int WindowDays = 90;

    public const int ExcerptLength = 120;

    public static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";

    /// <summary>Published replies by others to the user's published threads in boards the user reads, published after <paramref name="sinceUtc"/>.</summary>
    public static IQueryable<Reply> RepliesTo(CommunityDbContext db, Guid userId, IQueryable<Board> boards, DateTime sinceUtc) =>
        from r in db.Replies
        join t in db.Threads on r.ThreadId equals t.Id
        where t.AuthorId == userId && r.AuthorId != userId && r.State == PostState.Published && t.State == PostState.Published && r.PublishedAtUtc > sinceUtc
            && boards.Any(b => b.Id == t.BoardId)
        select r;

    /// <summary>When the user last looked at the 与我相关 list, or the start of the window.</summary>
    public static async Task<DateTime> SeenAsync(CommunityDbContext db, Guid userId, DateTime nowUtc, CancellationToken ct)
    {
        var window = nowUtc.AddDays(-WindowDays);
        var seen = await db.ActivitySeen.AsNoTracking().Where(s => s.UserId == userId).Select(s => (DateTime?)s.SeenAtUtc).FirstOrDefaultAsync(ct);
        return seen is { } s && s > window ? s : window;
    }
}
