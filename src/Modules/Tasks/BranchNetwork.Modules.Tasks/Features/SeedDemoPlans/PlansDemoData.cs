using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;

namespace BranchNetwork.Modules.Tasks.Features.SeedDemoPlans;

/// <summary>
/// Development only: 支行02's plan for the newest published scheme, submitted, so the supervisor has one to review.
/// 支行01 gets none: its head writes it in the walk-through. Idempotent: nothing happens once the plan exists.
/// </summary>
internal sealed class PlansDemoData(TasksDbContext db, IAssessmentSheets sheets, IOrganisationDirectory directory, IClock clock) : IDemoDataSeeder
{
    // After Assessment's demo schemes (20).
    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var sb02 = (await directory.ListSubBranchesAsync(cancellationToken)).FirstOrDefault(u => u.Code == "SB02" && !u.IsRetired);
        if (sb02 is null)
        {
            return;
        }

        var sheet = (await sheets.ListForSubBranchAsync(sb02.Id, cancellationToken)).FirstOrDefault(s => s.State == SchemeState.Published && s.Indicators.Count > 0);
        if (sheet is null || await db.Plans.AnyAsync(p => p.SchemeId == sheet.SchemeId && p.SubBranchId == sb02.Id, cancellationToken))
        {
            return;
        }

        var heads = await directory.ListActiveUserIdsByUnitAsync([sb02.Id], BankRoles.SubBranchHead, cancellationToken);
        var headId = heads.GetValueOrDefault(sb02.Id) is { Count: > 0 } ids ? ids[0] : Guid.Empty;
        var plan = WorkPlan.Open(sheet.SchemeId, sheet.SchemeName, sb02.Id, sb02.Name);
        var middle = sheet.StartDate.AddDays(sheet.EndDate.DayNumber / 2 - sheet.StartDate.DayNumber / 2);
        plan.ReviseMeasures([.. sheet.Indicators.Select(i => new MeasureDraft(
            null,
            i.IndicatorId,
            $"{i.Name}：走访重点客户，按周推进",
            "支行班子分片包干，每周例会通报进度。",
            headId == Guid.Empty ? null : headId,
            "支行02行长",
            [new MilestoneDraft(middle, Math.Round(i.Target / 2, 2), "过半"), new MilestoneDraft(sheet.EndDate, i.Target, "完成目标")],
            "月中完成率低于时间进度10个百分点",
            "行长带队上门营销，每日通报"))]);
        db.Plans.Add(plan);
        db.PlanVersions.Add(plan.Submit([.. sheet.Indicators.Select(i => new SheetIndicator(i.IndicatorId, i.Name))], headId, "head02", clock));
        await db.SaveChangesAsync(cancellationToken);
    }
}
