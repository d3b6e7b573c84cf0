using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using MudBlazor;

namespace BranchNetwork.Modules.WorkLogs.Areas;

/// <summary>WL-3: reading, searching, read receipts, comments and likes, the month's export: the area's navigation, services and endpoints.</summary>
internal static class ReadingArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/worklogs", "NavRead", 30, Icons.Material.Filled.ChromeReaderMode, Group: "worklogs",
            Roles: [BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor],
            MatchAll: true, TestId: "nav-worklogs-read"),
    ];

    public static void AddServices(WebApplicationBuilder builder)
    {
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
