using BranchNetwork.Modules.Tasks.Contracts;

namespace BranchNetwork.Modules.Tasks.Features.Shared;

/// <summary>The Tasks module's answer to <see cref="IWorkPlanMeasures"/> (for the Resources module's links to a measure).</summary>
internal sealed class WorkPlanMeasures(TasksDbContext db) : IWorkPlanMeasures
{
    public async Task<IReadOnlyList<WorkPlanMeasureInfo>> ListForSheetAsync(Guid schemeId, Guid subBranchId, CancellationToken cancellationToken = default)
    {
        var plans = db.Plans.AsNoTracking().Where(p => p.SchemeId == schemeId && p.SubBranchId == subBranchId).Select(p => p.Id);
        return await db.Measures.AsNoTracking()
            .Where(m => plans.Contains(m.PlanId))
            .OrderBy(m => m.Title)
            .Select(m => new WorkPlanMeasureInfo(m.Id, m.PlanId, m.IndicatorId, m.Title))
            .ToListAsync(cancellationToken);
    }
}
