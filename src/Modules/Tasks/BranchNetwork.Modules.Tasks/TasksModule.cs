using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Areas;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.Modules.Tasks.Resources;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

// Validation messages name fields through this module's FieldName_* keys (SharedKernel FieldNames).
[assembly: BranchNetwork.SharedKernel.Localization.FieldNames(typeof(BranchNetwork.Modules.Tasks.Resources.TasksText))]

namespace BranchNetwork.Modules.Tasks;

/// <summary>
/// 任务管理 (TK-1..TK-5): work plans answering assessment sheets and their review, weekly tasks and write-offs,
/// "my week" and the team board, head office's supervision. The module's three areas (plans, the week,
/// supervision) each wire their own slices, so this class only puts them together.
/// </summary>
internal sealed class TasksModule : IModule
{
    public const string TextPrefix = "tasks";

    public string Name => TasksDbContext.Module;

    public ModuleTextResource Text { get; } = new(TextPrefix, typeof(TasksText));

    public IReadOnlyList<NavGroup> NavigationGroups { get; } =
    [
        new("tasks", "NavTasks", Icons.Material.Filled.Checklist, 35, TestId: "nav-tasks-group"),
    ];

    public IReadOnlyList<NavEntry> Navigation { get; } = [.. PlansArea.Navigation, .. WeekArea.Navigation, .. SupervisionArea.Navigation];

    public IReadOnlyList<HomeCard> HomeCards { get; } = [.. SupervisionArea.HomeCards];

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<TasksDbContext>(Name, TasksDbContext.Schema);
        builder.Services.AddModuleOutbox<TasksDbContext>(Name);
        builder.Services.AddScoped<TasksAccess>();
        builder.Services.AddScoped<Contracts.IAssignedTasks, AssignedTasks>();
        builder.Services.AddScoped<Contracts.IWorkPlanMeasures, WorkPlanMeasures>();
        builder.Services.AddScoped<Contracts.IExcellentPlans, ExcellentPlansReader>();
        PlansArea.AddServices(builder);
        WeekArea.AddServices(builder);
        SupervisionArea.AddServices(builder);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(AuthPolicies.Api);
        PlansArea.MapEndpoints(api);
        WeekArea.MapEndpoints(api);
        SupervisionArea.MapEndpoints(api);
    }

    public Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        SupervisionArea.ReadHomeFiguresAsync(services, cardKeys, cancellationToken);

    public IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) =>
        [.. WeekArea.RecurringJobs(configuration), .. SupervisionArea.RecurringJobs(configuration)];
}
