using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.ListExcellentPlans;

internal sealed record ExcellentPlanRow(Guid PlanId, Guid SchemeId, string SchemeName, string SubBranchName, string Citation, DateTime MarkedAtUtc, int MeasureCount);

/// <summary>优秀工作方案 (TK-5): excellent plans, newest first, readable by every signed-in member of staff as examples.</summary>
[AnySignedInUser]
internal sealed record ListExcellentPlansQuery(int? Page, int? PageSize) : IQuery<PagedResult<ExcellentPlanRow>>;

internal sealed class ListExcellentPlansHandler(TasksDbContext db, TasksAccess access) : IQueryHandler<ListExcellentPlansQuery, PagedResult<ExcellentPlanRow>>
{
    public async ValueTask<PagedResult<ExcellentPlanRow>> Handle(ListExcellentPlansQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var excellent = db.Plans.AsNoTracking().Where(p => p.IsExcellent);
        var total = await excellent.CountAsync(cancellationToken);
        var rows = await excellent
            .OrderByDescending(p => p.MarkedExcellentAtUtc).ThenBy(p => p.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(p => new ExcellentPlanRow(p.Id, p.SchemeId, p.SchemeName, p.SubBranchName, p.ExcellentCitation ?? "", p.MarkedExcellentAtUtc ?? p.UpdatedAtUtc, p.Measures.Count))
            .ToListAsync(cancellationToken);
        return new PagedResult<ExcellentPlanRow>(rows, page, size, total);
    }
}

internal static class ListExcellentPlansEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/plans/excellent", async Task<Ok<PagedResult<ExcellentPlanRow>>> (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListExcellentPlansQuery(page, pageSize), ct)))
            .WithName("ListExcellentPlans").WithSummary("Excellent work plans (优秀工作方案), newest first, for every signed-in member of staff.");
}
