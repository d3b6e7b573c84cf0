using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Tasks.Data;
using BranchNetwork.Modules.Tasks.Domain;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Tasks.Week;

/// <summary>
/// An approved work plan of a sub-branch for a fresh published scheme (period: 9 days ago to 10 days ahead), one
/// measure per indicator, by indicator name. "走访客户" is fed by task write-offs, "存款" is entered by hand.
/// Built through the domain in the module's database until the plans API lands; then only this helper changes.
/// </summary>
internal sealed record ApprovedPlan(Guid PlanId, PublishedScheme Scheme, Guid SubBranchId, IReadOnlyDictionary<string, Guid> Measures)
{
    public const string FromTasks = "走访客户";
    public const string ByHand = "存款";

    public Guid Measure => Measures[FromTasks];

    public static async Task<ApprovedPlan> CreateAsync(BranchNetworkFactory app, string subBranch = "SB01", bool approve = true)
    {
        var scheme = await AssessmentApi.PublishedSchemeAsync(
            app, [(FromTasks, 60m, false), (ByHand, 40m, true)], target: 80m, dataSources: new Dictionary<string, string> { [FromTasks] = "Tasks" });
        var subBranchId = scheme.SubBranches[subBranch];
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var sheet = await services.GetRequiredService<IAssessmentSheets>().FindAsync(scheme.Id, subBranchId)
            ?? throw new InvalidOperationException("The published scheme issued no sheet to " + subBranch);
        var clock = services.GetRequiredService<IClock>();
        var db = services.GetRequiredService<TasksDbContext>();
        var plan = WorkPlan.Open(scheme.Id, scheme.Name, subBranchId, subBranch);
        plan.ReviseMeasures([.. sheet.Indicators.Select(i => new MeasureDraft(null, i.IndicatorId, "措施·" + i.Name, null, null, "行长", [], null, null))]);
        db.Plans.Add(plan);
        var version = plan.Submit([.. sheet.Indicators.Select(i => new SheetIndicator(i.IndicatorId, i.Name))], Guid.NewGuid(), "行长", clock);
        db.PlanVersions.Add(version);
        if (approve)
        {
            plan.Approve(Guid.NewGuid(), "督导", clock);
        }

        await db.SaveChangesAsync();
        var measures = sheet.Indicators.ToDictionary(i => i.Name, i => plan.Measures.Single(m => m.IndicatorId == i.IndicatorId).Id);
        return new ApprovedPlan(plan.Id, scheme, subBranchId, measures);
    }
}
