using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.EditReply;

/// <summary>The reply's new body.</summary>
internal sealed record EditReplyBody(string Body);

/// <summary>CM-1 编辑: the author changes their reply; the earlier text is kept as a revision.</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
[RequestBodyLimit(ThreadRules.MaxPostRequestBytes)]
internal sealed record EditReplyCommand(Guid ReplyId, string Body) : ICommand<ReplyView>;

internal sealed class EditReplyHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, PostingRules posting)
    : ICommandHandler<EditReplyCommand, ReplyView>
{
    public async ValueTask<ReplyView> Handle(EditReplyCommand command, CancellationToken cancellationToken)
    {
        var (board, _, reply) = await rules.ReadableReplyAsync(command.ReplyId, cancellationToken);
        access.EnsureTakesPart();
        if (reply.AuthorId != rules.Me)
        {
            throw ThreadRules.NotAuthor();
        }

        await posting.EnsureMayPostAsync(board.Id, rules.Me, cancellationToken);
        var body = RichText.Sanitize(command.Body, "body");
        var screened = await rules.ScreenAsync(null, body, [], cancellationToken);
        db.Revisions.Add(reply.Edit(screened.Body, rules.Me, screened.Hold, rules.Now));
        await db.SaveChangesAsync(cancellationToken);
        var quoted = reply.QuotedReplyId is { } q ? await db.Replies.AsNoTracking().FirstOrDefaultAsync(r => r.Id == q, cancellationToken) : null;
        var liked = await db.Likes.AnyAsync(l => l.TargetId == reply.Id && l.UserId == rules.Me, cancellationToken);
        return ThreadViews.Reply(reply, quoted, liked, rules.Me, board.IsModerator(rules.Me));
    }
}

internal static class EditReplyEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/replies/{id:guid}", async Task<Ok<ReplyView>> (Guid id, EditReplyBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EditReplyCommand(id, body.Body), ct)))
            .WithName("EditCommunityReply")
            .WithSummary("The author edits their reply; the earlier text is kept in its history (403 for anyone else).");
}
