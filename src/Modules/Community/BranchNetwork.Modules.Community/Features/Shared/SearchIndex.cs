namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>A post found by the index: the thread, or the reply and its thread.</summary>
internal sealed class PostHit
{
    public Guid PostId { get; init; }

    public Guid ThreadId { get; init; }

    public Guid? ReplyId { get; init; }
}

/// <summary>
/// Queries over the search index (CM-1 search), the same LINQ on SQLite and PostgreSQL: the posts holding every gram of
/// a query (<see cref="Bigrams.OfQuery"/>), in boards the caller reads, published (a reply also needs its thread
/// published), newest first by the post's id (a version-7 id grows with time), a keyset page at a time. The first
/// two-character gram drives the query through the index's key (gram, post) read backwards; every further gram is an
/// existence check by key.
/// </summary>
internal static class SearchIndex
{
    /// <summary>The posts that mention <paramref name="name"/> (the text "@name"), by someone else, published after <paramref name="sinceUtc"/>.</summary>
    public static IQueryable<PostHit> Mentioning(CommunityDbContext db, string name, Guid userId, IQueryable<Board> boards, DateTime sinceUtc, Guid? beforePostId)
    {
        var tag = "@" + name;
        var grams = Bigrams.OfQuery(name);
        if (grams.Count == 0)
        {
            return db.SearchGrams.Where(g => false).Select(g => new PostHit { PostId = g.PostId, ThreadId = g.ThreadId, ReplyId = g.ReplyId });
        }

        return Matching(db, grams, boards, beforePostId).Where(h =>
            (h.ReplyId == null && db.Threads.Any(t => t.Id == h.ThreadId && t.AuthorId != userId && t.PublishedAtUtc > sinceUtc && t.BodyText.Contains(tag)))
            || (h.ReplyId != null && db.Replies.Any(r => r.Id == h.ReplyId && r.AuthorId != userId && r.PublishedAtUtc > sinceUtc && r.BodyText.Contains(tag))));
    }

    public static IQueryable<PostHit> Matching(CommunityDbContext db, IReadOnlyList<string> grams, IQueryable<Board> boards, Guid? beforePostId)
    {
        var pairs = grams.Where(g => g.Length == 2).ToList();
        var singles = grams.Where(g => g.Length == 1).ToList();
        var boardIds = boards.Select(b => b.Id);
        IQueryable<SearchGram> rows;
        if (pairs.Count > 0)
        {
            var driver = pairs[0];
            rows = db.SearchGrams.Where(g => g.Gram == driver);
            foreach (var other in pairs.Skip(1))
            {
                rows = rows.Where(g => db.SearchGrams.Any(o => o.Gram == other && o.PostId == g.PostId));
            }
        }
        else
        {
            var driver = singles[0];
            singles = [.. singles.Skip(1)];
            rows = db.SearchGrams.Where(g => g.Gram == driver || g.Gram.StartsWith(driver));
        }

        foreach (var single in singles)
        {
            rows = rows.Where(g => db.SearchGrams.Any(o => o.PostId == g.PostId && (o.Gram == single || o.Gram.StartsWith(single))));
        }

        rows = rows.Where(g => boardIds.Contains(g.BoardId)
            && db.Threads.Any(t => t.Id == g.ThreadId && t.State == PostState.Published)
            && (g.ReplyId == null || db.Replies.Any(r => r.Id == g.ReplyId && r.State == PostState.Published)));
        if (beforePostId is { } before)
        {
            rows = rows.Where(g => g.PostId.CompareTo(before) < 0);
        }

        var hits = rows.Select(g => new PostHit { PostId = g.PostId, ThreadId = g.ThreadId, ReplyId = g.ReplyId });
        return pairs.Count > 0 ? hits : hits.Distinct();
    }
}
