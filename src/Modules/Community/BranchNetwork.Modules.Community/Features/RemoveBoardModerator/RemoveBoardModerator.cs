using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.RemoveBoardModerator;

/// <summary>CM-1: a board's moderator removes a moderator; a board always keeps one (409).</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record RemoveBoardModeratorCommand(Guid BoardId, Guid UserId) : ICommand<BoardDetail>;

internal sealed class RemoveBoardModeratorHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, IOrganisationDirectory directory)
    : ICommandHandler<RemoveBoardModeratorCommand, BoardDetail>
{
    public async ValueTask<BoardDetail> Handle(RemoveBoardModeratorCommand command, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(command.BoardId, cancellationToken);
        access.EnsureModerates(board);
        if (!board.IsModerator(command.UserId))
        {
            throw new NotFoundException("community.moderator_not_found", DomainText.Get("ModeratorNotFound"));
        }

        var row = board.Moderators.First(m => m.UserId == command.UserId);
        board.RemoveModerator(command.UserId);

        // The row leaves with the collection: deleted explicitly, as the relationship restricts cascades.
        db.BoardModerators.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        var member = await rules.MembershipAsync(board.Id, cancellationToken);
        return BoardViews.Detail(board, member, await BoardViews.AudienceNameAsync(directory, board, cancellationToken), rules.Me, rules.TakesPart);
    }
}

internal static class RemoveBoardModeratorEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/boards/{id:guid}/moderators/{userId:guid}", async Task<Ok<BoardDetail>> (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RemoveBoardModeratorCommand(id, userId), ct)))
            .WithName("RemoveCommunityBoardModerator")
            .WithSummary("Removes a moderator from a board (its moderators only; the last one stays).");
}
