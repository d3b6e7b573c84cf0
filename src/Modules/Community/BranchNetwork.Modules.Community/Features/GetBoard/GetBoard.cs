using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.GetBoard;

/// <summary>CM-1: one board — description, rules (群规), welcome message, moderators, audience, review mode, anonymity, expiry — and the caller's membership; 404 outside its audience (ORG-3).</summary>
[AnySignedInUser]
internal sealed record GetBoardQuery(Guid BoardId) : IQuery<BoardDetail>;

internal sealed class GetBoardHandler(CommunityAccess access, ThreadRules rules, IOrganisationDirectory directory) : IQueryHandler<GetBoardQuery, BoardDetail>
{
    public async ValueTask<BoardDetail> Handle(GetBoardQuery query, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(query.BoardId, cancellationToken);
        var member = await rules.MembershipAsync(board.Id, cancellationToken);
        return BoardViews.Detail(board, member, await BoardViews.AudienceNameAsync(directory, board, cancellationToken), rules.Me, rules.TakesPart);
    }
}

internal static class GetBoardEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/boards/{id:guid}", async Task<Ok<BoardDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetBoardQuery(id), ct)))
            .WithName("GetCommunityBoard")
            .WithSummary("One board with its rules, welcome message, moderators, audience, review mode, anonymity and expiry, and the caller's membership (404 outside its audience).");
}
