using BranchNetwork.Modules.Tasks.Features.ApprovePlan;
using BranchNetwork.Modules.Tasks.Features.CommentOnPlan;
using BranchNetwork.Modules.Tasks.Features.DiffPlanVersions;
using BranchNetwork.Modules.Tasks.Features.GetPlan;
using BranchNetwork.Modules.Tasks.Features.ListExcellentPlans;
using BranchNetwork.Modules.Tasks.Features.ListPlans;
using BranchNetwork.Modules.Tasks.Features.ListPlanSheets;
using BranchNetwork.Modules.Tasks.Features.ListPlanVersions;
using BranchNetwork.Modules.Tasks.Features.MarkPlanExcellent;
using BranchNetwork.Modules.Tasks.Features.OpenPlan;
using BranchNetwork.Modules.Tasks.Features.ReturnPlan;
using BranchNetwork.Modules.Tasks.Features.RevisePlan;
using BranchNetwork.Modules.Tasks.Features.SeedDemoPlans;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.Modules.Tasks.Features.SubmitPlan;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Tasks.Areas;

/// <summary>TK-1 and TK-5: work plans, their review and versions, excellent plans: the area's navigation, services, endpoints and jobs.</summary>
internal static class PlansArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/tasks/plans", "NavPlans", 10, Icons.Material.Filled.Assignment, Group: "tasks", TestId: "nav-tasks-plans"),
        new("/tasks/plans/excellent", "NavExcellentPlans", 15, Icons.Material.Filled.WorkspacePremium, Group: "tasks", MatchAll: true, TestId: "nav-tasks-excellent-plans"),
    ];

    public static void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlanStore>();
        builder.Services.AddScoped<PlanNotifier>();
        builder.Services.AddScoped<IDemoDataSeeder, PlansDemoData>();
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListPlanSheetsEndpoint.Map(api);
        ListPlansEndpoint.Map(api);
        ListExcellentPlansEndpoint.Map(api);
        OpenPlanEndpoint.Map(api);
        GetPlanEndpoint.Map(api);
        RevisePlanEndpoint.Map(api);
        SubmitPlanEndpoint.Map(api);
        ApprovePlanEndpoint.Map(api);
        ReturnPlanEndpoint.Map(api);
        CommentOnPlanEndpoint.Map(api);
        MarkPlanExcellentEndpoint.Map(api);
        ListPlanVersionsEndpoint.Map(api);
        DiffPlanVersionsEndpoint.Map(api);
    }
}
