using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.RejectItem;

/// <summary>审核驳回 (CM-4): a moderator of the item's board refuses a pending thread or reply with a reason; the author is told.</summary>
[AnySignedInUser]
internal sealed record RejectItemCommand(Guid ItemId, string? Reason) : ICommand<ModerationResult>;

internal sealed class RejectItemHandler(CommunityDbContext db, ModerationDesk desk) : ICommandHandler<RejectItemCommand, ModerationResult>
{
    public async ValueTask<ModerationResult> Handle(RejectItemCommand command, CancellationToken cancellationToken)
    {
        var reason = ModerationDesk.Reason(command.Reason);
        var item = await desk.ModeratedItemAsync(command.ItemId, cancellationToken);
        if (item.Reply is { } reply)
        {
            reply.Reject(reason);
        }
        else
        {
            item.Thread.Reject(reason);
        }

        await desk.RecordAsync(ModerationActionKind.Reject, item, null, "", null, reason, cancellationToken);
        desk.Notify(item.AuthorId, ModerationDesk.Text("Notify_RejectedTitle", item.Board.Name), ModerationDesk.Text("Notify_RejectedBody", item.Subject, reason),
            ModerationDesk.ThreadLink(item.Thread.Id));
        await db.SaveChangesAsync(cancellationToken);
        return new ModerationResult(item.Id, item.Thread.Id, PostState.Rejected);
    }
}

internal static class RejectItemEndpoint
{
    internal sealed record RejectCommunityItemBody(string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/moderation/items/{id:guid}/reject", async Task<Ok<ModerationResult>> (Guid id, RejectCommunityItemBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RejectItemCommand(id, body.Reason), ct)))
            .WithName("RejectCommunityItem")
            .WithSummary("审核驳回: refuses a pending thread or reply with a reason (the board's moderators, CM-4).");
}
