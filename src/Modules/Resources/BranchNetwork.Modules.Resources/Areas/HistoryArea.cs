using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.GetHistory;
using BranchNetwork.Modules.Resources.Features.GetHomeFigures;
using BranchNetwork.Modules.Resources.Features.SeedDemoRequests;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Resources.Areas;

/// <summary>RR-3 and SPEC §9: history and totals per sub-branch and kind, the module's home cards, demo data.</summary>
internal static class HistoryArea
{
    /// <summary>Who reads the history: a sub-branch's heads and managers (their own), head office's supervisors and the auditor (all).</summary>
    public static readonly string[] Readers = [BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.HeadOfficeSupervisor, BankRoles.Auditor];

    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/resources/history", "NavHistory", 30, Icons.Material.Filled.QueryStats, Group: "resources", Roles: Readers, TestId: "nav-resources-history"),
    ];

    /// <summary>The module's home cards (SPEC §9), all read by one query of this area.</summary>
    public static IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(ResourcesHomeCards.SubBranchRequests, "Card_SubBranchRequests_Title", 18, Icons.Material.Filled.Inventory2, ResourcesHomeCards.Requesters),
        new(ResourcesHomeCards.AtMyStep, "Card_AtMyStep_Title", 27, Icons.Material.Filled.Approval, [BankRoles.HeadOfficeSupervisor]),
    ];

    public static Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        services.GetRequiredService<IPageSender>().Send(new GetResourcesHomeFiguresQuery(cardKeys), cancellationToken).AsTask();

    public static void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<IDemoDataSeeder, RequestsDemoData>();

    public static void MapEndpoints(IEndpointRouteBuilder api) => GetResourceHistoryEndpoint.Map(api);

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
