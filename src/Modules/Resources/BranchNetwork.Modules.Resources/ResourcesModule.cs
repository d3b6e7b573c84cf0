using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Areas;
using BranchNetwork.Modules.Resources.Features.SeedDemoRoutes;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.Modules.Resources.Resources;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

// Validation messages name fields through this module's FieldName_* keys (SharedKernel FieldNames).
[assembly: BranchNetwork.SharedKernel.Localization.FieldNames(typeof(BranchNetwork.Modules.Resources.Resources.ResourcesText))]

namespace BranchNetwork.Modules.Resources;

/// <summary>
/// 资源申请 / 资源响应 (RR-1..RR-3): sub-branches ask head office for people, money and material; requests follow the
/// route of their kind (one by one, 或签, 会签, the leader's step above a threshold) with CC, returns, transfers, added
/// signers, time limits and reminders; history and totals per sub-branch and kind. Three areas (requests, approvals,
/// history) each wire their own slices, so this class only puts them together.
/// </summary>
internal sealed class ResourcesModule : IModule
{
    public const string TextPrefix = "resources";

    public string Name => ResourcesDbContext.Module;

    public ModuleTextResource Text { get; } = new(TextPrefix, typeof(ResourcesText));

    public IReadOnlyList<NavGroup> NavigationGroups { get; } =
    [
        new("resources", "NavResources", Icons.Material.Filled.Inventory2, 37, TestId: "nav-resources-group"),
    ];

    public IReadOnlyList<NavEntry> Navigation { get; } = [.. RequestsArea.Navigation, .. ApprovalsArea.Navigation, .. HistoryArea.Navigation];

    public IReadOnlyList<HomeCard> HomeCards { get; } = [.. HistoryArea.HomeCards];

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<ResourcesDbContext>(Name, ResourcesDbContext.Schema);
        builder.Services.AddModuleOutbox<ResourcesDbContext>(Name);
        builder.Services.AddScoped<ResourcesAccess>();
        builder.Services.AddScoped<ResourceSteps>();
        builder.Services.AddScoped<RequestNotifier>();
        builder.Services.AddScoped<IDemoDataSeeder, RoutesDemoData>();
        RequestsArea.AddServices(builder);
        ApprovalsArea.AddServices(builder);
        HistoryArea.AddServices(builder);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/resources").WithTags("Resources").RequireAuthorization(AuthPolicies.Api);
        RequestsArea.MapEndpoints(api);
        ApprovalsArea.MapEndpoints(api);
        HistoryArea.MapEndpoints(api);
    }

    public Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        HistoryArea.ReadHomeFiguresAsync(services, cardKeys, cancellationToken);

    public IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) =>
        [.. RequestsArea.RecurringJobs(configuration), .. ApprovalsArea.RecurringJobs(configuration), .. HistoryArea.RecurringJobs(configuration)];
}
