using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.SearchPosts;

/// <summary>A thread or reply found: its thread's title, an excerpt of the text around the words, who wrote it (only through <see cref="AuthorDto"/>).</summary>
internal sealed record SearchHit(
    Guid ThreadId,
    Guid? ReplyId,
    Guid BoardId,
    string BoardName,
    string ThreadTitle,
    string Excerpt,
    AuthorDto Author,
    DateTime AtUtc);

/// <summary>
/// 搜索 (CM-1): full text over thread titles and bodies and replies, Chinese included (character bigrams, no word
/// boundaries needed): the posts holding every gram of <c>q</c>, in boards the caller reads (ORG-3: another
/// sub-branch's board is never searched), published only, newest first, one keyset page at a time. Names are never
/// indexed: an anonymous post is not found by its author's name. An empty query, or one of more than
/// <see cref="Bigrams.MaxQueryGrams"/> grams, is 400 on <c>q</c>.
/// </summary>
[AnySignedInUser]
internal sealed record SearchPostsQuery(string? Q, string? After, int? PageSize) : IQuery<KeysetPage<SearchHit>>;

internal sealed class SearchPostsHandler(CommunityDbContext db, CommunityAccess access) : IQueryHandler<SearchPostsQuery, KeysetPage<SearchHit>>
{
    public const int QueryMaxLength = 50;
    public const int ExcerptLength = 120;
    private const string List = "community.search";

    public async ValueTask<KeysetPage<SearchHit>> Handle(SearchPostsQuery query, CancellationToken cancellationToken)
    {
        var text = (query.Q ?? "").Trim();
        var grams = text.Length > QueryMaxLength ? [] : Bigrams.OfQuery(text);
        if (grams.Count is 0 or > Bigrams.MaxQueryGrams)
        {
            throw new ValidationFailedException("q", DomainText.Format("SearchQueryInvalid", QueryMaxLength));
        }

        var size = Paging.NormalizeSize(query.PageSize);
        var after = PageCursor.Decode(query.After, List + ":" + string.Join(',', grams), 1);
        var boards = await access.VisibleBoardsAsync(cancellationToken);
        var hits = await SearchIndex.Matching(db, grams, boards, after?.Id(0))
            .OrderByDescending(h => h.PostId).Take(size + 1).AsNoTracking().ToListAsync(cancellationToken);
        var page = KeysetPage.From(hits, size, last => PageCursor.Encode(List + ":" + string.Join(',', grams), last.PostId));
        return await ViewAsync(page, text, cancellationToken);
    }

    private async Task<KeysetPage<SearchHit>> ViewAsync(KeysetPage<PostHit> page, string text, CancellationToken ct)
    {
        var threadIds = page.Items.Select(h => h.ThreadId).Distinct().ToList();
        var replyIds = page.Items.Where(h => h.ReplyId is not null).Select(h => h.ReplyId!.Value).ToList();
        var threads = await (from t in db.Threads
                             where threadIds.Contains(t.Id)
                             join b in db.Boards on t.BoardId equals b.Id
                             select new { t.Id, t.BoardId, BoardName = b.Name, t.Title, t.BodyText, t.AuthorId, t.AuthorName, t.Pseudonym, At = t.PublishedAtUtc ?? t.CreatedAtUtc })
            .AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var replies = replyIds.Count == 0 ? [] : await db.Replies.Where(r => replyIds.Contains(r.Id))
            .Select(r => new { r.Id, r.BodyText, r.AuthorId, r.AuthorName, r.Pseudonym, At = r.PublishedAtUtc ?? r.CreatedAtUtc })
            .AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        return page.Select(h =>
        {
            var t = threads[h.ThreadId];
            if (h.ReplyId is { } replyId && replies.TryGetValue(replyId, out var r))
            {
                return new SearchHit(t.Id, replyId, t.BoardId, t.BoardName, t.Title, Excerpt(r.BodyText, text), AuthorDto.Of(r.AuthorId, r.AuthorName, r.Pseudonym), r.At);
            }

            return new SearchHit(t.Id, null, t.BoardId, t.BoardName, t.Title, Excerpt(t.BodyText, text), AuthorDto.Of(t.AuthorId, t.AuthorName, t.Pseudonym), t.At);
        });
    }

    /// <summary>The text around the first place the query's first run appears (folded the same way), or its start.</summary>
    public static string Excerpt(string body, string query)
    {
        var first = Bigrams.Runs(query).FirstOrDefault() ?? "";
        var at = first.Length == 0 ? -1 : Bigrams.Fold(body).IndexOf(first, StringComparison.Ordinal);
        var start = Math.Max(0, Math.Min(at - 20, body.Length - ExcerptLength));
        var end = Math.Min(body.Length, start + ExcerptLength);
        if (start >= end)
        {
            return "";
        }

        return (start > 0 ? "…" : "") + body[start..end] + (end < body.Length ? "…" : "");
    }
}

internal static class SearchPostsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/search", async Task<Ok<KeysetPage<SearchHit>>> (string? q, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchPostsQuery(q, after, pageSize), ct)))
            .WithName("SearchCommunity")
            .WithSummary("Full-text search (Chinese included) over threads and replies the caller reads, newest first, one keyset page at a time.");
}
