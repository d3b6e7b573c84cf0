using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ChangeBoard;

/// <summary>The board's new settings and the version the moderator read.</summary>
internal sealed record ChangeBoardBody(
    string Name,
    string? Description,
    string? Rules,
    string? WelcomeMessage,
    BoardAudienceKind AudienceKind,
    Guid? AudienceUnitId,
    ReviewMode ReviewMode,
    bool AllowsAnonymous,
    int? ExpiryDays,
    ExpiryAction ExpiryAction,
    int SortOrder,
    long Version);

/// <summary>CM-1: a board's moderator changes its settings; changed rules move the rules' version, so members accept them again before their next post.</summary>
[AllowedRoles(BankRoles.Moderator, BankRoles.HeadOfficeSupervisor, BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.TaskAdmin)]
internal sealed record ChangeBoardCommand(
    Guid BoardId,
    string Name,
    string? Description,
    string? Rules,
    string? WelcomeMessage,
    BoardAudienceKind AudienceKind,
    Guid? AudienceUnitId,
    ReviewMode ReviewMode,
    bool AllowsAnonymous,
    int? ExpiryDays,
    ExpiryAction ExpiryAction,
    int SortOrder,
    long Version) : ICommand<BoardDetail>, IBoardSettingsFields;

internal sealed class ChangeBoardValidator : BoardSettingsValidator<ChangeBoardCommand>;

internal sealed class ChangeBoardHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, IOrganisationDirectory directory)
    : ICommandHandler<ChangeBoardCommand, BoardDetail>
{
    public async ValueTask<BoardDetail> Handle(ChangeBoardCommand command, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(command.BoardId, cancellationToken);
        access.EnsureModerates(board);
        if (board.Version != command.Version)
        {
            throw new ConflictException("community.board_changed", DomainText.Get("BoardChangedMeanwhile"));
        }

        board.Change(await BoardAudience.SettingsAsync(directory, command, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        var member = await rules.MembershipAsync(board.Id, cancellationToken);
        return BoardViews.Detail(board, member, await BoardViews.AudienceNameAsync(directory, board, cancellationToken), rules.Me, rules.TakesPart);
    }
}

internal static class ChangeBoardEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/boards/{id:guid}", async Task<Ok<BoardDetail>> (Guid id, ChangeBoardBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(
                    new ChangeBoardCommand(id, body.Name, body.Description, body.Rules, body.WelcomeMessage, body.AudienceKind, body.AudienceUnitId,
                        body.ReviewMode, body.AllowsAnonymous, body.ExpiryDays, body.ExpiryAction, body.SortOrder, body.Version), ct)))
            .WithName("ChangeCommunityBoard")
            .WithSummary("Changes a board's settings (its moderators only); changed rules must be accepted again by members before their next post.");
}
