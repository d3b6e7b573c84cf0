using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.PostReply;

/// <summary>A reply: rich-text body, perhaps quoting a reply of the same thread, anonymous where the board allows it, mentions.</summary>
internal sealed record PostReplyBody(string Body, Guid? QuotedReplyId, bool Anonymous, IReadOnlyList<Guid>? MentionedUserIds, IReadOnlyList<Guid>? MentionedSubBranchIds);

/// <summary>
/// CM-1 跟帖: a member who accepted the board's rules replies to a published, open thread (409 once closed or expired),
/// perhaps quoting a reply of the same thread. Published at once in a post-review board (the thread's author and the
/// mentioned are told, open pages show it live), or waiting for a moderator.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
[RequestBodyLimit(ThreadRules.MaxPostRequestBytes)]
internal sealed record PostReplyCommand(Guid ThreadId, string Body, Guid? QuotedReplyId, bool Anonymous, IReadOnlyList<Guid>? MentionedUserIds, IReadOnlyList<Guid>? MentionedSubBranchIds)
    : ICommand<ReplyView>;

internal sealed class PostReplyHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, PublicationNotifier notifier, OutboxProcessor outbox)
    : ICommandHandler<PostReplyCommand, ReplyView>
{
    public async ValueTask<ReplyView> Handle(PostReplyCommand command, CancellationToken cancellationToken)
    {
        var (board, thread) = await access.ReadableThreadAsync(command.ThreadId, cancellationToken);
        await rules.EnsureMayPostAsync(board, cancellationToken);
        thread.EnsureTakesReplies(rules.Now);
        var body = RichText.Sanitize(command.Body, "body");
        Reply? quoted = null;
        if (command.QuotedReplyId is { } quotedId)
        {
            quoted = await db.Replies.FirstOrDefaultAsync(r => r.Id == quotedId, cancellationToken)
                ?? throw DomainText.Invalid("quotedReplyId", "QuoteNotInThread");
        }

        var mentions = await rules.MentionsAsync(command.MentionedUserIds, command.MentionedSubBranchIds, cancellationToken);
        var screened = await rules.ScreenAsync(null, body, [], cancellationToken);
        var author = await rules.AuthorAsync(board, command.Anonymous, cancellationToken);
        var reply = Reply.Post(board, thread, screened.Body, author, quoted, screened.Hold, rules.Now);
        db.Replies.Add(reply);
        rules.AddMentions(thread.Id, reply.Id, mentions);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (reply.State == PostState.Published)
            {
                await notifier.ReplyPublishedAsync(board, thread, reply, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        outbox.Wake();
        return ThreadViews.Reply(reply, quoted, false, rules.Me, board.IsModerator(rules.Me));
    }
}

internal static class PostReplyEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/threads/{id:guid}/replies", async Task<Created<ReplyView>> (Guid id, PostReplyBody body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new PostReplyCommand(id, body.Body, body.QuotedReplyId, body.Anonymous, body.MentionedUserIds, body.MentionedSubBranchIds), ct);
                return TypedResults.Created($"/api/community/threads/{id}/replies", created);
            })
            .WithName("PostCommunityReply")
            .WithSummary("跟帖: replies to an open thread, perhaps quoting a reply of it (409 once closed or expired); published at once or waiting for review.");
}
