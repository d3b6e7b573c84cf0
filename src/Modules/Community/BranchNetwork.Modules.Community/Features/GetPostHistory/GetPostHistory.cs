using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.GetPostHistory;

/// <summary>What a thread or reply said before an edit, and who edited it (the pseudonym for an anonymous author's own edits, CM-3).</summary>
internal sealed record PostRevisionView(Guid Id, string? Title, string Body, AuthorDto EditedBy, DateTime EditedAtUtc);

/// <summary>CM-1 编辑历史: the earlier versions of a thread (or of one of its replies, <c>?replyId=</c>), newest first.</summary>
[AnySignedInUser]
[BoundedList("A post's edit history: its latest 100 revisions.")]
internal sealed record GetPostHistoryQuery(Guid ThreadId, Guid? ReplyId) : IQuery<IReadOnlyList<PostRevisionView>>;

internal sealed class GetPostHistoryHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules)
    : IQueryHandler<GetPostHistoryQuery, IReadOnlyList<PostRevisionView>>
{
    private const int Cap = 100;

    public async ValueTask<IReadOnlyList<PostRevisionView>> Handle(GetPostHistoryQuery query, CancellationToken cancellationToken)
    {
        Board board;
        AuthorDto author;
        Guid authorId;
        if (query.ReplyId is { } replyId)
        {
            var (b, thread, reply) = await rules.ReadableReplyAsync(replyId, cancellationToken);
            if (thread.Id != query.ThreadId)
            {
                throw ThreadRules.ReplyNotFound();
            }

            (board, author, authorId) = (b, AuthorDto.Of(reply), reply.AuthorId);
        }
        else
        {
            var (b, thread) = await access.ReadableThreadAsync(query.ThreadId, cancellationToken);
            (board, author, authorId) = (b, AuthorDto.Of(thread), thread.AuthorId);
        }

        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.ThreadId == query.ThreadId && r.ReplyId == query.ReplyId)
            .OrderByDescending(r => r.EditedAtUtc).ThenByDescending(r => r.Id)
            .Take(Cap)
            .ToListAsync(cancellationToken);

        // The author's own edits show the author as the post does; a moderator's edit (edit-and-approve) shows the moderator.
        AuthorDto EditorOf(Guid editorId) =>
            editorId == authorId ? author
            : board.Moderators.FirstOrDefault(m => m.UserId == editorId) is { } moderator ? new AuthorDto(moderator.Name, false, moderator.UserId)
            : new AuthorDto(DomainText.Get("ModeratorEditor"), false, null);

        return [.. revisions.Select(r => new PostRevisionView(r.Id, r.Title, r.Body, EditorOf(r.EditedById), r.EditedAtUtc))];
    }
}

internal static class GetPostHistoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/threads/{id:guid}/history", async Task<Ok<IReadOnlyList<PostRevisionView>>> (Guid id, Guid? replyId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPostHistoryQuery(id, replyId), ct)))
            .WithName("GetCommunityPostHistory")
            .WithSummary("编辑历史: a thread's (or ?replyId= a reply's) earlier versions, newest first, with who edited them (anonymous authors by pseudonym).");
}
