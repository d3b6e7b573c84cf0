using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Areas;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.Modules.WorkLogs.Resources;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

// Validation messages name fields through this module's FieldName_* keys (SharedKernel FieldNames).
[assembly: BranchNetwork.SharedKernel.Localization.FieldNames(typeof(BranchNetwork.Modules.WorkLogs.Resources.WorkLogsText))]

namespace BranchNetwork.Modules.WorkLogs;

/// <summary>
/// 工作日志 (WL-1..WL-4): the daily log linked to weekly tasks, its readers' receipts, comments and likes, submission
/// tracking with chase-ups, and amendments after the day closes. Three areas (writing, reading, tracking) each wire their
/// own slices, so this class only puts them together.
/// </summary>
internal sealed class WorkLogsModule : IModule
{
    public const string TextPrefix = "worklogs";

    public string Name => WorkLogsDbContext.Module;

    public ModuleTextResource Text { get; } = new(TextPrefix, typeof(WorkLogsText));

    public IReadOnlyList<NavGroup> NavigationGroups { get; } =
    [
        new("worklogs", "NavWorkLogs", Icons.Material.Filled.EditNote, 36, TestId: "nav-worklogs-group"),
    ];

    public IReadOnlyList<NavEntry> Navigation { get; } = [.. LogsArea.Navigation, .. ReadingArea.Navigation, .. TrackingArea.Navigation];

    public IReadOnlyList<HomeCard> HomeCards { get; } = [.. TrackingArea.HomeCards];

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<WorkLogsDbContext>(Name, WorkLogsDbContext.Schema);
        builder.Services.AddModuleOutbox<WorkLogsDbContext>(Name);
        builder.Services.AddScoped<WorkLogsAccess>();
        builder.Services.AddSingleton(WorkLogSettings.From(builder.Configuration));
        LogsArea.AddServices(builder);
        ReadingArea.AddServices(builder);
        TrackingArea.AddServices(builder);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/worklogs").WithTags("WorkLogs").RequireAuthorization(AuthPolicies.Api);
        LogsArea.MapEndpoints(api);
        ReadingArea.MapEndpoints(api);
        TrackingArea.MapEndpoints(api);
    }

    public Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        TrackingArea.ReadHomeFiguresAsync(services, cardKeys, cancellationToken);

    public IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) =>
        [.. LogsArea.RecurringJobs(configuration), .. TrackingArea.RecurringJobs(configuration)];
}
