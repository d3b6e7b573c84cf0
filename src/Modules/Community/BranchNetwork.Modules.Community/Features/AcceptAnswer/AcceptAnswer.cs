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

namespace BranchNetwork.Modules.Community.Features.AcceptAnswer;

/// <summary>
/// CM-1 采纳: the asker of a question thread, or a moderator of its board, accepts a published reply as an answer (more
/// than one may be accepted) or takes the mark back; anyone else 403. A new acceptance raises <see cref="CommunityAnswerAccepted"/>.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record AcceptAnswerCommand(Guid ReplyId, bool Accept) : ICommand<ReplyView>;

internal sealed class AcceptAnswerHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, PublicationNotifier notifier, OutboxProcessor outbox)
    : ICommandHandler<AcceptAnswerCommand, ReplyView>
{
    public async ValueTask<ReplyView> Handle(AcceptAnswerCommand command, CancellationToken cancellationToken)
    {
        var (board, thread, reply) = await rules.ReadableReplyAsync(command.ReplyId, cancellationToken);
        access.EnsureTakesPart();
        if (thread.AuthorId != rules.Me && !board.IsModerator(rules.Me))
        {
            throw new ForbiddenException("community.not_asker", DomainText.Get("NotAsker"));
        }

        var was = reply.IsAccepted;
        if (command.Accept)
        {
            reply.Accept(thread);
            if (!was)
            {
                db.AddIntegrationEvent(new CommunityAnswerAccepted(Guid.CreateVersion7(), rules.Now, thread.Id, reply.Id, board.Id, reply.AuthorId, rules.Me));
            }
        }
        else
        {
            reply.Unaccept();
        }

        await notifier.SignalAsync(board, thread.Id, cancellationToken);
        var threadId = thread.Id;
        await rules.SaveAsync(
            () => db.Threads.Where(t => t.Id == threadId).ExecuteUpdateAsync(
                s => s.SetProperty(t => t.AcceptedCount, t => db.Replies.Count(r => r.ThreadId == threadId && r.IsAccepted)), cancellationToken),
            cancellationToken);
        outbox.Wake();
        var quoted = reply.QuotedReplyId is { } q ? await db.Replies.AsNoTracking().FirstOrDefaultAsync(r => r.Id == q, cancellationToken) : null;
        var liked = await db.Likes.AnyAsync(l => l.TargetId == reply.Id && l.UserId == rules.Me, cancellationToken);
        return ThreadViews.Reply(reply, quoted, liked, rules.Me, board.IsModerator(rules.Me));
    }
}

internal static class AcceptAnswerEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/replies/{id:guid}/accept", async Task<Ok<ReplyView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcceptAnswerCommand(id, true), ct)))
            .WithName("AcceptCommunityAnswer")
            .WithSummary("采纳: the asker or a board moderator accepts a reply of a question thread as an answer (more than one may be; 403 for anyone else).");
        api.MapPost("/replies/{id:guid}/unaccept", async Task<Ok<ReplyView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcceptAnswerCommand(id, false), ct)))
            .WithName("UnacceptCommunityAnswer")
            .WithSummary("Takes an accepted-answer mark back (the asker or a board moderator).");
    }
}
