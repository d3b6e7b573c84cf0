using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.FollowBoard;

/// <summary>CM-1 关注: the caller follows a board (its threads reach their feed) or stops following it; following does not accept the rules.</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record FollowBoardCommand(Guid BoardId, bool Follow) : ICommand<BoardMembershipView>;

internal sealed class FollowBoardHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules)
    : ICommandHandler<FollowBoardCommand, BoardMembershipView>
{
    public async ValueTask<BoardMembershipView> Handle(FollowBoardCommand command, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(command.BoardId, cancellationToken);
        access.EnsureTakesPart();
        var member = await rules.MembershipAsync(board.Id, cancellationToken);
        if (member is null)
        {
            if (!command.Follow)
            {
                return BoardViews.Membership(board, null);
            }

            member = BoardMember.FollowOnly(board, rules.Me, await access.OwnSubBranchAsync(cancellationToken), rules.Now);
            db.Members.Add(member);
        }
        else if (command.Follow)
        {
            member.Follow();
        }
        else
        {
            member.Unfollow();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            member = await rules.MembershipAsync(board.Id, cancellationToken);
        }

        return BoardViews.Membership(board, member);
    }
}

internal static class FollowBoardEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/boards/{id:guid}/follow", async Task<Ok<BoardMembershipView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FollowBoardCommand(id, true), ct)))
            .WithName("FollowCommunityBoard")
            .WithSummary("关注: the caller follows a board; its threads reach their feed.");
        api.MapPost("/boards/{id:guid}/unfollow", async Task<Ok<BoardMembershipView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FollowBoardCommand(id, false), ct)))
            .WithName("UnfollowCommunityBoard")
            .WithSummary("The caller stops following a board (stays a member).");
    }
}
