using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.CommentOnLog;
using BranchNetwork.Modules.WorkLogs.Features.ExportLogs;
using BranchNetwork.Modules.WorkLogs.Features.LikeLog;
using BranchNetwork.Modules.WorkLogs.Features.ReadLog;
using BranchNetwork.Modules.WorkLogs.Features.SearchLogs;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.Modules.WorkLogs.Features.UnlikeLog;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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
        builder.Services.AddScoped<ReadingLogs>();
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        SearchLogsEndpoint.Map(api);
        ReadLogEndpoint.Map(api);
        CommentOnLogEndpoint.Map(api);
        LikeLogEndpoint.Map(api);
        UnlikeLogEndpoint.Map(api);
        ExportLogsEndpoint.Map(api);
    }
}
