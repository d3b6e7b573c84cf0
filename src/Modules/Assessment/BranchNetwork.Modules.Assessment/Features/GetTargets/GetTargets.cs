using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.GetTargets;

/// <summary>The target grid (sub-branch × indicator) of a scheme: the head office's working paper.</summary>
[AllowedRoles(BankRoles.TaskAdmin, BankRoles.HeadOfficeSupervisor, BankRoles.Auditor)]
internal sealed record GetTargetsQuery(Guid SchemeId) : IQuery<TargetGrid>;

internal sealed class GetTargetsHandler(AssessmentAccess access, SchemeCoverage coverage) : IQueryHandler<GetTargetsQuery, TargetGrid>
{
    public async ValueTask<TargetGrid> Handle(GetTargetsQuery query, CancellationToken cancellationToken)
    {
        // Targets of every sub-branch are the head office's working paper; a sub-branch reads its own on its sheet.
        access.User.EnsureAnyRole(BankRoles.TaskAdmin, BankRoles.HeadOfficeSupervisor, BankRoles.Auditor);
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken);
        return await coverage.GridAsync(scheme, cancellationToken);
    }
}

internal static class GetTargetsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}/targets", async Task<Ok<TargetGrid>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTargetsQuery(id), ct)))
            .WithName("GetTargets").WithSummary("The target grid (sub-branch × indicator) of a scheme (head office).");
}
