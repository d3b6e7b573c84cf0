using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ArchiveBoard;

/// <summary>CM-1: a board's moderator archives it: no new threads, it leaves the lists; its threads stay readable.</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record ArchiveBoardCommand(Guid BoardId) : ICommand<BoardDetail>;

internal sealed class ArchiveBoardHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, IOrganisationDirectory directory)
    : ICommandHandler<ArchiveBoardCommand, BoardDetail>
{
    public async ValueTask<BoardDetail> Handle(ArchiveBoardCommand command, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(command.BoardId, cancellationToken);
        access.EnsureModerates(board);
        board.Archive();
        await db.SaveChangesAsync(cancellationToken);
        var member = await rules.MembershipAsync(board.Id, cancellationToken);
        return BoardViews.Detail(board, member, await BoardViews.AudienceNameAsync(directory, board, cancellationToken), rules.Me, rules.TakesPart);
    }
}

internal static class ArchiveBoardEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/boards/{id:guid}/archive", async Task<Ok<BoardDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ArchiveBoardCommand(id), ct)))
            .WithName("ArchiveCommunityBoard")
            .WithSummary("Archives a board (its moderators only): no new threads, out of the lists, threads still readable.");
}
