using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.LiftSanction;

/// <summary>
/// 解除 (CM-4): ends an active warning or ban early — a moderator of its board, or for a community-wide one the
/// Moderator role; the user is told; recorded.
/// </summary>
[AnySignedInUser]
internal sealed record LiftSanctionCommand(Guid SanctionId) : ICommand<SanctionView>;

internal sealed class LiftSanctionHandler(CommunityDbContext db, ModerationDesk desk, CommunityAccess access, IClock clock)
    : ICommandHandler<LiftSanctionCommand, SanctionView>
{
    public async ValueTask<SanctionView> Handle(LiftSanctionCommand command, CancellationToken cancellationToken)
    {
        var sanction = await db.Sanctions.FirstOrDefaultAsync(s => s.Id == command.SanctionId, cancellationToken)
            ?? throw NotFound();
        Board? board = null;
        if (sanction.BoardId is { } boardId)
        {
            board = await access.ReadableBoardAsync(boardId, cancellationToken);
            access.EnsureModerates(board);
        }
        else if (!desk.IsCommunityModerator)
        {
            throw new ForbiddenException("community.not_community_moderator", DomainText.Get("NotCommunityModerator"));
        }

        var now = clock.UtcNow;
        sanction.Lift(access.UserId, now);
        var where = board?.Name ?? DomainText.Get("WholeCommunity");
        await desk.RecordAsync(ModerationActionKind.Lift, null, board?.Id, sanction.Kind.ToString(), sanction.TargetName, sanction.Reason, cancellationToken);
        desk.Notify(sanction.UserId, ModerationDesk.Text("Notify_LiftedTitle", where), ModerationDesk.Text("Notify_LiftedBody", where), null);
        await db.SaveChangesAsync(cancellationToken);
        return SanctionView.Of(sanction, board?.Name, now);
    }

    private static NotFoundException NotFound() => new("community.sanction_not_found", DomainText.Get("SanctionNotFound"));
}

internal static class LiftSanctionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/moderation/sanctions/{id:guid}/lift", async Task<Ok<SanctionView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new LiftSanctionCommand(id), ct)))
            .WithName("LiftCommunitySanction")
            .WithSummary("解除: ends a warning or ban early (the board's moderators; community-wide ones: the Moderator role) (CM-4).");
}
