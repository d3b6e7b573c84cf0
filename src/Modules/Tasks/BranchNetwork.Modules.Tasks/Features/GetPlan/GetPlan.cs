using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.GetPlan;

/// <summary>
/// A work plan with its sheet's indicators, measures (milestones, contingency plan), comments in place and what the
/// caller may do. Head office readers and the sub-branch's members read it; an excellent plan everyone (TK-5).
/// </summary>
[AnySignedInUser]
internal sealed record GetPlanQuery(Guid PlanId) : IQuery<PlanDetail>;

internal sealed class GetPlanHandler(PlanStore store) : IQueryHandler<GetPlanQuery, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(GetPlanQuery query, CancellationToken cancellationToken) =>
        await store.DetailAsync(query.PlanId, cancellationToken);
}

internal static class GetPlanEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/plans/{id:guid}", async Task<Ok<PlanDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPlanQuery(id), ct)))
            .WithName("GetPlan").WithSummary("A work plan with indicators, measures, comments in place and the caller's permissions.");
}
