using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.AmendLog;
using BranchNetwork.Modules.WorkLogs.Features.ChangeTemplate;
using BranchNetwork.Modules.WorkLogs.Features.CreateTemplate;
using BranchNetwork.Modules.WorkLogs.Features.GetLogDay;
using BranchNetwork.Modules.WorkLogs.Features.ListMyLogs;
using BranchNetwork.Modules.WorkLogs.Features.ListTemplates;
using BranchNetwork.Modules.WorkLogs.Features.RetireTemplate;
using BranchNetwork.Modules.WorkLogs.Features.SaveLogDay;
using BranchNetwork.Modules.WorkLogs.Features.SeedDemoLogs;
using BranchNetwork.Modules.WorkLogs.Features.SubmitLogDay;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.WorkLogs.Areas;

/// <summary>WL-1 and WL-4: writing the day's log (draft autosave, submit, amend), one's own logs, templates: the area's navigation, services and endpoints.</summary>
internal static class LogsArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/worklogs/today", "NavToday", 10, Icons.Material.Filled.EditNote, Group: "worklogs", TestId: "nav-worklogs-today"),
        new("/worklogs/mine", "NavMine", 20, Icons.Material.Filled.History, Group: "worklogs", TestId: "nav-worklogs-mine"),
        new("/worklogs/templates", "NavTemplates", 60, Icons.Material.Filled.ViewList, Group: "worklogs",
            Roles: [BankRoles.SystemAdmin, BankRoles.TaskAdmin], TestId: "nav-worklogs-templates"),
    ];

    public static void AddServices(WebApplicationBuilder builder) =>
        builder.Services.AddScoped<IDemoDataSeeder, LogsDemoData>();

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        GetLogDayEndpoint.Map(api);
        SaveLogDayEndpoint.Map(api);
        SubmitLogDayEndpoint.Map(api);
        AmendLogEndpoint.Map(api);
        ListMyLogsEndpoint.Map(api);
        ListTemplatesEndpoint.Map(api);
        CreateTemplateEndpoint.Map(api);
        ChangeTemplateEndpoint.Map(api);
        RetireTemplateEndpoint.Map(api);
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
