using BranchNetwork.Modules.Tasks.Contracts;

namespace BranchNetwork.Modules.Tasks.Features.Shared;

/// <summary>The Tasks module's answer to <see cref="IExcellentPlans"/> (the community's 全员点评 of an excellent plan).</summary>
internal sealed class ExcellentPlansReader(TasksDbContext db) : IExcellentPlans
{
    public Task<ExcellentPlanInfo?> FindAsync(Guid planId, CancellationToken cancellationToken = default) =>
        db.Plans.AsNoTracking()
            .Where(p => p.Id == planId && p.IsExcellent)
            .Select(p => new ExcellentPlanInfo(p.Id, p.SchemeName, p.SubBranchName))
            .FirstOrDefaultAsync(cancellationToken);
}
