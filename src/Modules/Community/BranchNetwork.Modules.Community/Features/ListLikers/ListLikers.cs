using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListLikers;

/// <summary>One person who liked a post, as the post's readers see them (a like is never anonymous).</summary>
internal sealed record LikerView(Guid UserId, string Name, DateTime AtUtc);

/// <summary>
/// CM-1 点赞的人: who liked a thread (<see cref="ThreadId"/>) or a reply (<see cref="ReplyId"/>), the latest first, one
/// keyset page at a time — for whoever may read the post (404 otherwise, as for the post itself). An anonymous post's
/// author is left out of its list (CM-3): a name among the likers of one's own pseudonymous post would point at it.
/// </summary>
[AnySignedInUser]
internal sealed record ListLikersQuery(Guid? ThreadId, Guid? ReplyId, string? After, int? PageSize) : IQuery<KeysetPage<LikerView>>;

internal sealed class ListLikersHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, IOrganisationDirectory directory)
    : IQueryHandler<ListLikersQuery, KeysetPage<LikerView>>
{
    private const string List = "community.likers";

    public async ValueTask<KeysetPage<LikerView>> Handle(ListLikersQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.NormalizeSize(query.PageSize);
        var after = PageCursor.Decode(query.After, List, 2);
        var (targetId, hiddenAuthor) = query.ReplyId is { } replyId
            ? await ReplyAsync(replyId, cancellationToken)
            : await ThreadAsync(query.ThreadId ?? Guid.Empty, cancellationToken);
        var likes = db.Likes.AsNoTracking().Where(l => l.TargetId == targetId);
        if (hiddenAuthor is { } author)
        {
            likes = likes.Where(l => l.UserId != author);
        }

        if (after is not null)
        {
            var (time, id) = (after.Time(0), after.Id(1));
            likes = likes.Where(l => l.AtUtc <= time && (l.AtUtc < time || l.Id.CompareTo(id) < 0));
        }

        var rows = await likes.OrderByDescending(l => l.AtUtc).ThenByDescending(l => l.Id)
            .Select(l => new { l.Id, l.UserId, l.AtUtc })
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var names = await directory.GetDisplayNamesAsync([.. rows.Select(r => r.UserId).Distinct()], cancellationToken);
        return KeysetPage.From(rows, size, last => PageCursor.Encode(List, last.AtUtc, last.Id))
            .Select(r => new LikerView(r.UserId, names.GetValueOrDefault(r.UserId) ?? "", r.AtUtc));
    }

    private async Task<(Guid Target, Guid? HiddenAuthor)> ReplyAsync(Guid replyId, CancellationToken ct)
    {
        var (_, _, reply) = await rules.ReadableReplyAsync(replyId, ct);
        return (reply.Id, reply.Pseudonym is null ? null : reply.AuthorId);
    }

    private async Task<(Guid Target, Guid? HiddenAuthor)> ThreadAsync(Guid threadId, CancellationToken ct)
    {
        var (_, thread) = await access.ReadableThreadAsync(threadId, ct);
        return (thread.Id, thread.Pseudonym is null ? null : thread.AuthorId);
    }
}

internal static class ListLikersEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/threads/{id:guid}/likes", async Task<Ok<KeysetPage<LikerView>>> (Guid id, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListLikersQuery(id, null, after, pageSize), ct)))
            .WithName("ListCommunityThreadLikers")
            .WithSummary("点赞的人: who liked the thread, latest first, one keyset page at a time (its readers).");
        api.MapGet("/replies/{id:guid}/likes", async Task<Ok<KeysetPage<LikerView>>> (Guid id, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListLikersQuery(null, id, after, pageSize), ct)))
            .WithName("ListCommunityReplyLikers")
            .WithSummary("点赞的人: who liked the reply, latest first, one keyset page at a time (its readers).");
    }
}
