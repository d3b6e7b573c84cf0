using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Community.Contracts;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.LikePost;

/// <summary>
/// CM-1 点赞: the caller likes or stops liking a published thread or reply. One like per person and post (a unique key: a
/// second like, even at the same instant, is a no-op); the count moves in one statement with the like's row, so no
/// like is lost or doubled under concurrency. A new like raises <see cref="CommunityLikeReceived"/> and moves open pages' counts live.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record LikePostCommand(Guid? ThreadId, Guid? ReplyId, bool Like) : ICommand<PostLikeState>;

internal sealed class LikePostHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, PublicationNotifier notifier, OutboxProcessor outbox)
    : ICommandHandler<LikePostCommand, PostLikeState>
{
    public async ValueTask<PostLikeState> Handle(LikePostCommand command, CancellationToken cancellationToken)
    {
        access.EnsureTakesPart();
        Board board;
        BoardThread thread;
        Reply? reply = null;
        if (command.ReplyId is { } replyId)
        {
            (board, thread, reply) = await rules.ReadableReplyAsync(replyId, cancellationToken);
        }
        else
        {
            (board, thread) = await access.ReadableThreadAsync(command.ThreadId ?? Guid.Empty, cancellationToken);
        }

        if (reply?.State is not null and not PostState.Published || (reply is null && !thread.IsPublished))
        {
            throw DomainText.WrongState("ThreadNotPublished");
        }

        var me = rules.Me;
        var targetId = reply?.Id ?? thread.Id;
        var (threadId, replyKey, boardId, authorId) = (thread.Id, reply?.Id, board.Id, reply?.AuthorId ?? thread.AuthorId);
        var changed = false;
        if (command.Like)
        {
            if (!await db.Likes.AnyAsync(l => l.TargetId == targetId && l.UserId == me, cancellationToken))
            {
                if (authorId != me)
                {
                    db.AddIntegrationEvent(new CommunityLikeReceived(Guid.CreateVersion7(), rules.Now, threadId, replyKey, boardId, authorId, me));
                }

                await notifier.SignalAsync(board, threadId, cancellationToken);
                changed = await rules.AddOnceAsync(new Like(threadId, replyKey, me, rules.Now), () => MoveAsync(threadId, replyKey, +1, cancellationToken), cancellationToken);
            }
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var removed = await db.Likes.Where(l => l.TargetId == targetId && l.UserId == me).ExecuteDeleteAsync(cancellationToken);
            if (removed > 0)
            {
                await MoveAsync(threadId, replyKey, -removed, cancellationToken);
                await notifier.SignalAsync(board, threadId, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                changed = true;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (changed)
        {
            outbox.Wake();
        }

        var count = replyKey is { } r
            ? await db.Replies.Where(x => x.Id == r).Select(x => x.LikeCount).FirstAsync(cancellationToken)
            : await db.Threads.Where(x => x.Id == threadId).Select(x => x.LikeCount).FirstAsync(cancellationToken);
        var liked = await db.Likes.AnyAsync(l => l.TargetId == targetId && l.UserId == me, cancellationToken);
        return new PostLikeState(targetId, liked, count);
    }

    private Task<int> MoveAsync(Guid threadId, Guid? replyId, int by, CancellationToken ct) =>
        replyId is { } r
            ? db.Replies.Where(x => x.Id == r).ExecuteUpdateAsync(s => s.SetProperty(x => x.LikeCount, x => x.LikeCount + by), ct)
            : db.Threads.Where(x => x.Id == threadId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LikeCount, x => x.LikeCount + by), ct);
}

internal static class LikePostEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/threads/{id:guid}/like", async Task<Ok<PostLikeState>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new LikePostCommand(id, null, true), ct)))
            .WithName("LikeCommunityThread")
            .WithSummary("点赞: likes a published thread; a second like is a no-op.");
        api.MapPost("/threads/{id:guid}/unlike", async Task<Ok<PostLikeState>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new LikePostCommand(id, null, false), ct)))
            .WithName("UnlikeCommunityThread")
            .WithSummary("Takes the caller's like of a thread back; a no-op without one.");
        api.MapPost("/replies/{id:guid}/like", async Task<Ok<PostLikeState>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new LikePostCommand(null, id, true), ct)))
            .WithName("LikeCommunityReply")
            .WithSummary("点赞: likes a published reply; a second like is a no-op.");
        api.MapPost("/replies/{id:guid}/unlike", async Task<Ok<PostLikeState>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new LikePostCommand(null, id, false), ct)))
            .WithName("UnlikeCommunityReply")
            .WithSummary("Takes the caller's like of a reply back; a no-op without one.");
    }
}
