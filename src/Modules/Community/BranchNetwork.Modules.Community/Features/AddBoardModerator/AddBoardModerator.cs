using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.AddBoardModerator;

/// <summary>Who becomes a moderator.</summary>
internal sealed record AddBoardModeratorBody(Guid UserId);

/// <summary>CM-1: a board's moderator adds another moderator (版主), an active person of the bank (at most 20 a board).</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record AddBoardModeratorCommand(Guid BoardId, Guid UserId) : ICommand<BoardDetail>;

internal sealed class AddBoardModeratorHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, IOrganisationDirectory directory)
    : ICommandHandler<AddBoardModeratorCommand, BoardDetail>
{
    public async ValueTask<BoardDetail> Handle(AddBoardModeratorCommand command, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(command.BoardId, cancellationToken);
        access.EnsureModerates(board);
        var user = await directory.FindUserAsync(command.UserId, cancellationToken);
        if (user is not { IsActive: true } || user.Roles.Any(r => r is BankRoles.Auditor or BankRoles.SystemAdmin or BankRoles.SecurityAdmin))
        {
            throw DomainText.Invalid("userId", "ModeratorUnknown");
        }

        board.AddModerator(user.Id, ThreadRules.Truncate(user.DisplayName, BoardModerator.NameMaxLength));
        await db.SaveChangesAsync(cancellationToken);
        var member = await rules.MembershipAsync(board.Id, cancellationToken);
        return BoardViews.Detail(board, member, await BoardViews.AudienceNameAsync(directory, board, cancellationToken), rules.Me, rules.TakesPart);
    }
}

internal static class AddBoardModeratorEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/boards/{id:guid}/moderators", async Task<Ok<BoardDetail>> (Guid id, AddBoardModeratorBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AddBoardModeratorCommand(id, body.UserId), ct)))
            .WithName("AddCommunityBoardModerator")
            .WithSummary("Adds a moderator to a board (its moderators only; at most 20).");
}
