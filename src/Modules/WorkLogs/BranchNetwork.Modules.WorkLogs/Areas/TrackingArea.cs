using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using MudBlazor;

namespace BranchNetwork.Modules.WorkLogs.Areas;

/// <summary>WL-2 and SPEC §9: the day's submissions, monthly rates, chase-up and missing-digest jobs, the module's home cards.</summary>
internal static class TrackingArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/worklogs/tracking", "NavTracking", 40, Icons.Material.Filled.FactCheck, Group: "worklogs",
            Roles: [BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor],
            TestId: "nav-worklogs-tracking"),
    ];

    /// <summary>The module's home cards (SPEC §9), all read by one query of this area.</summary>
    public static IReadOnlyList<HomeCard> HomeCards { get; } = [];

    public static Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HomeFigure>>([]);

    public static void AddServices(WebApplicationBuilder builder)
    {
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
