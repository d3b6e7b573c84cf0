using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Community.Contracts;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.JoinBoard;

/// <summary>The version of the rules the member read and accepts.</summary>
internal sealed record JoinBoardBody(int RulesVersion);

/// <summary>What joining gives: the board's welcome message and the membership.</summary>
internal sealed record JoinedBoard(Guid BoardId, string WelcomeMessage, bool FirstJoin, BoardMembershipView Membership);

/// <summary>
/// CM-1 入群: the caller accepts the board's current rules (the version they read; 409 when the rules changed meanwhile)
/// and joins it, following it; the welcome message is shown. Accepting again after the rules changed keeps the
/// membership. The first join raises <see cref="CommunityMemberJoined"/>.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record JoinBoardCommand(Guid BoardId, int RulesVersion) : ICommand<JoinedBoard>;

internal sealed class JoinBoardHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, OutboxProcessor outbox)
    : ICommandHandler<JoinBoardCommand, JoinedBoard>
{
    public async ValueTask<JoinedBoard> Handle(JoinBoardCommand command, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(command.BoardId, cancellationToken);
        access.EnsureTakesPart();
        board.EnsureOpen();
        if (command.RulesVersion != board.RulesVersion)
        {
            throw new ConflictException("community.rules_changed", DomainText.Get("RulesChangedRead"));
        }

        var member = await rules.MembershipAsync(board.Id, cancellationToken);
        var first = member is null || member.AcceptedRulesVersion == 0;
        if (member is null)
        {
            member = BoardMember.Join(board, rules.Me, await access.OwnSubBranchAsync(cancellationToken), rules.Now);
            db.Members.Add(member);
        }
        else
        {
            member.AcceptRules(board);
        }

        if (first)
        {
            db.AddIntegrationEvent(new CommunityMemberJoined(Guid.CreateVersion7(), rules.Now, board.Id, rules.Me, member.SubBranchId));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Joined twice at once (two taps): the other request joined.
            db.ChangeTracker.Clear();
            member = await rules.MembershipAsync(board.Id, cancellationToken);
            first = false;
        }

        outbox.Wake();
        return new JoinedBoard(board.Id, board.WelcomeMessage, first, BoardViews.Membership(board, member));
    }
}

internal static class JoinBoardEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/boards/{id:guid}/join", async Task<Ok<JoinedBoard>> (Guid id, JoinBoardBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new JoinBoardCommand(id, body.RulesVersion), ct)))
            .WithName("JoinCommunityBoard")
            .WithSummary("入群: accepts the board's current rules (the version read; 409 when they changed) and joins it; answers the welcome message.");
}
