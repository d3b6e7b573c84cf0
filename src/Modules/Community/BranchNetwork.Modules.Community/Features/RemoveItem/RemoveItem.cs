using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.RemoveItem;

/// <summary>
/// 删除 (CM-4): a moderator of the item's board takes a thread or reply down with a reason. A removed thread's replies
/// leave every list with it; a removed reply leaves its thread's count. Open reports of the item are closed as
/// removed; the author is told; the action is recorded.
/// </summary>
[AnySignedInUser]
internal sealed record RemoveItemCommand(Guid ItemId, string? Reason) : ICommand<ModerationResult>;

internal sealed class RemoveItemHandler(CommunityDbContext db, ModerationDesk desk) : ICommandHandler<RemoveItemCommand, ModerationResult>
{
    public async ValueTask<ModerationResult> Handle(RemoveItemCommand command, CancellationToken cancellationToken)
    {
        var reason = ModerationDesk.Reason(command.Reason);
        var item = await desk.ModeratedItemAsync(command.ItemId, cancellationToken);
        await desk.RemoveAsync(item, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (item.Reply is not null)
        {
            await desk.RecountRepliesAsync(item.Thread.Id, cancellationToken);
        }

        return new ModerationResult(item.Id, item.Thread.Id, PostState.Removed);
    }
}

internal static class RemoveItemEndpoint
{
    internal sealed record RemoveCommunityItemBody(string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/moderation/items/{id:guid}/remove", async Task<Ok<ModerationResult>> (Guid id, RemoveCommunityItemBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RemoveItemCommand(id, body.Reason), ct)))
            .WithName("RemoveCommunityItem")
            .WithSummary("删除: takes a thread or reply down with a reason; its open reports close (the board's moderators, CM-4).");
}
