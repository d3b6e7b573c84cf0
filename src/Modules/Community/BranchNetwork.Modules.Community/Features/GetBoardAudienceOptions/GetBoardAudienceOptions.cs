using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.GetBoardAudienceOptions;

/// <summary>A unit a board's audience may be.</summary>
internal sealed record AudienceUnitOption(Guid Id, string Code, string Name);

/// <summary>The units a board's audience may name: the sub-branches and the business lines (条线).</summary>
internal sealed record BoardAudienceOptions(IReadOnlyList<AudienceUnitOption> SubBranches, IReadOnlyList<AudienceUnitOption> BusinessLines);

/// <summary>CM-1: what the board form offers as an audience (those who create boards: moderators and head office's supervisors).</summary>
[AllowedRoles(BankRoles.Moderator, BankRoles.HeadOfficeSupervisor)]
internal sealed record GetBoardAudienceOptionsQuery : IQuery<BoardAudienceOptions>;

internal sealed class GetBoardAudienceOptionsHandler(IOrganisationDirectory directory) : IQueryHandler<GetBoardAudienceOptionsQuery, BoardAudienceOptions>
{
    public async ValueTask<BoardAudienceOptions> Handle(GetBoardAudienceOptionsQuery query, CancellationToken cancellationToken)
    {
        var subBranches = await directory.ListSubBranchesAsync(cancellationToken);
        var lines = await directory.ListBusinessLinesAsync(cancellationToken);
        return new BoardAudienceOptions(
            [.. subBranches.Where(u => !u.IsRetired).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new AudienceUnitOption(u.Id, u.Code, u.Name))],
            [.. lines.Select(u => new AudienceUnitOption(u.Id, u.Code, u.Name))]);
    }
}

internal static class GetBoardAudienceOptionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/boards/audience-options", async Task<Ok<BoardAudienceOptions>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetBoardAudienceOptionsQuery(), ct)))
            .WithName("GetCommunityBoardAudienceOptions")
            .WithSummary("The sub-branches and business lines a board's audience may be (Moderator, HeadOfficeSupervisor).");
}
