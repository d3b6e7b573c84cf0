using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.CreateBoard;

/// <summary>
/// CM-1: a moderator or head office's supervisor creates a board (版块) with its description, rules (群规), welcome
/// message, audience (whole branch, one sub-branch, one business line — the unit checked against the organisation),
/// review mode, anonymity and content expiry. The creator is its first moderator.
/// </summary>
[AllowedRoles(BankRoles.Moderator, BankRoles.HeadOfficeSupervisor)]
internal sealed record CreateBoardCommand(
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
    int SortOrder) : ICommand<BoardDetail>, IBoardSettingsFields;

internal sealed class CreateBoardValidator : BoardSettingsValidator<CreateBoardCommand>;

internal sealed class CreateBoardHandler(CommunityDbContext db, ThreadRules rules, IOrganisationDirectory directory)
    : ICommandHandler<CreateBoardCommand, BoardDetail>
{
    public async ValueTask<BoardDetail> Handle(CreateBoardCommand command, CancellationToken cancellationToken)
    {
        var settings = await BoardAudience.SettingsAsync(directory, command, cancellationToken);
        var name = ThreadRules.Truncate(await rules.Access.DisplayNameAsync(cancellationToken), BoardModerator.NameMaxLength);
        var board = Board.Create(settings, rules.Me, name);
        db.Boards.Add(board);
        await db.SaveChangesAsync(cancellationToken);
        return BoardViews.Detail(board, null, await BoardViews.AudienceNameAsync(directory, board, cancellationToken), rules.Me, rules.TakesPart);
    }
}

internal static class CreateBoardEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/boards", async Task<Created<BoardDetail>> (CreateBoardCommand body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(body, ct);
                return TypedResults.Created($"/api/community/boards/{created.Id}", created);
            })
            .WithName("CreateCommunityBoard")
            .WithSummary("Creates a board with rules, welcome message, audience, review mode, anonymity and expiry; the creator moderates it (Moderator, HeadOfficeSupervisor).");
}
