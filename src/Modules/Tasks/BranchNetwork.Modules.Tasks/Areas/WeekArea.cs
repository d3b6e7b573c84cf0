using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.AttachTaskEvidence;
using BranchNetwork.Modules.Tasks.Features.CancelTask;
using BranchNetwork.Modules.Tasks.Features.CarryOverTask;
using BranchNetwork.Modules.Tasks.Features.CarryOverWeek;
using BranchNetwork.Modules.Tasks.Features.CreateWeeklyTask;
using BranchNetwork.Modules.Tasks.Features.GetMyWeek;
using BranchNetwork.Modules.Tasks.Features.GetTask;
using BranchNetwork.Modules.Tasks.Features.GetTeamBoard;
using BranchNetwork.Modules.Tasks.Features.RollWeeks;
using BranchNetwork.Modules.Tasks.Features.WriteOffTask;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Tasks.Areas;

/// <summary>TK-2 and TK-3: weekly tasks, write-offs, carry-overs, my week and the team board: the area's navigation, services, endpoints and jobs.</summary>
internal static class WeekArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/tasks/my-week", "NavMyWeek", 20, Icons.Material.Filled.EventNote, Group: "tasks", TestId: "nav-tasks-my-week"),
        new("/tasks/team", "NavTeamBoard", 30, Icons.Material.Filled.Groups, Group: "tasks",
            Roles: [BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor], TestId: "nav-tasks-team"),
    ];

    public static void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TaskEvidencePolicy>();
        builder.Services.AddScoped<IFileAccessPolicy>(sp => sp.GetRequiredService<TaskEvidencePolicy>());
        builder.Services.AddScoped<RollWeeksJob>();
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        CreateWeeklyTaskEndpoint.Map(api);
        AttachTaskEvidenceEndpoint.Map(api);
        WriteOffTaskEndpoint.Map(api);
        CarryOverTaskEndpoint.Map(api);
        CancelTaskEndpoint.Map(api);
        CarryOverWeekEndpoint.Map(api);
        GetTaskEndpoint.Map(api);
        GetMyWeekEndpoint.Map(api);
        GetTeamBoardEndpoint.Map(api);
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) =>
    [
        new(
            RollWeeksJob.Id,
            configuration["Tasks:RollWeeksCron"] is { Length: > 0 } cron ? cron : RollWeeksJob.DefaultCron,
            SharedKernel.BankCalendar.Zone,
            (services, ct) => services.GetRequiredService<RollWeeksJob>().RunAsync(ct)),
    ];
}
