using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.GetHomeFigures;
using BranchNetwork.Modules.Tasks.Features.GetSupervision;
using BranchNetwork.Modules.Tasks.Features.GetSupervisionDetail;
using BranchNetwork.Modules.Tasks.Features.ListPrompts;
using BranchNetwork.Modules.Tasks.Features.RemindTasks;
using BranchNetwork.Modules.Tasks.Features.WritePrompt;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Tasks.Areas;

/// <summary>TK-4 and SPEC §9: head office's overview, prompts, reminders and the module's home cards: the area's navigation, services, endpoints and jobs.</summary>
internal static class SupervisionArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/tasks/supervision", "NavSupervision", 30, Group: "tasks", Roles: [BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Auditor], MatchAll: true, TestId: "nav-tasks-supervision"),
    ];

    /// <summary>The module's home cards (SPEC §9), all read by one query of this area.</summary>
    public static IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(TasksHomeCards.PlanState, "Card_PlanState_Title", 15, Icons.Material.Filled.Assignment, [BankRoles.SubBranchHead]),
        new(TasksHomeCards.TeamOverdue, "Card_TeamOverdue_Title", 16, Icons.Material.Filled.AlarmOn, [BankRoles.SubBranchHead]),
        new(TasksHomeCards.PlansToReview, "Card_PlansToReview_Title", 25, Icons.Material.Filled.RateReview, [BankRoles.HeadOfficeSupervisor]),
        new(TasksHomeCards.MyWeek, "Card_MyWeek_Title", 12, Icons.Material.Filled.Checklist, TasksHomeCards.SubBranchMembers),
    ];

    public static Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        services.GetRequiredService<IPageSender>().Send(new GetHomeFiguresQuery(cardKeys), cancellationToken).AsTask();

    public static void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<TaskReminder>();

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        GetSupervisionEndpoint.Map(api);
        GetSupervisionDetailEndpoint.Map(api);
        WritePromptEndpoint.Map(api);
        ListPromptsEndpoint.Map(api);
    }

    /// <summary>TK-4's reminders: Monday 09:00 and Friday 16:00 China time unless <c>Tasks:ReminderCrons</c> says otherwise.</summary>
    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration)
    {
        var zone = RemindTasksJob.Zone(configuration);
        return [.. RemindTasksJob.Crons(configuration).Select((cron, n) => new ModuleRecurringJob(
            RemindTasksJob.JobId(n), cron, zone, (services, ct) => services.GetRequiredService<TaskReminder>().RunAsync(ct)))];
    }
}
