using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.ListPlanVersions;

internal sealed record PlanVersionRow(int Number, string SubmittedByName, DateTime SubmittedAtUtc, int MeasureCount);

/// <summary>Every submitted version of a plan, oldest first (TK-1), for whoever may read the plan.</summary>
[AnySignedInUser]
[BoundedList("one version per submission of one plan: a handful per review loop")]
internal sealed record ListPlanVersionsQuery(Guid PlanId) : IQuery<IReadOnlyList<PlanVersionRow>>;

internal sealed class ListPlanVersionsHandler(TasksDbContext db, PlanStore store) : IQueryHandler<ListPlanVersionsQuery, IReadOnlyList<PlanVersionRow>>
{
    public async ValueTask<IReadOnlyList<PlanVersionRow>> Handle(ListPlanVersionsQuery query, CancellationToken cancellationToken)
    {
        var plan = await store.ReadableAsync(query.PlanId, cancellationToken);
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        return [.. versions.Select(v => new PlanVersionRow(v.Number, v.SubmittedByName, v.SubmittedAtUtc, v.ReadMeasures().Count))];
    }
}

internal static class ListPlanVersionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/plans/{id:guid}/versions", async Task<Ok<IReadOnlyList<PlanVersionRow>>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPlanVersionsQuery(id), ct)))
            .WithName("ListPlanVersions").WithSummary("The submitted versions of a plan, oldest first.");
}
