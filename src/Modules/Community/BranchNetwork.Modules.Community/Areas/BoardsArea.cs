using BranchNetwork.Modules.Community.Features.AddBoardModerator;
using BranchNetwork.Modules.Community.Features.ArchiveBoard;
using BranchNetwork.Modules.Community.Features.ChangeBoard;
using BranchNetwork.Modules.Community.Features.CreateBoard;
using BranchNetwork.Modules.Community.Features.FollowBoard;
using BranchNetwork.Modules.Community.Features.GetBoard;
using BranchNetwork.Modules.Community.Features.GetBoardAudienceOptions;
using BranchNetwork.Modules.Community.Features.JoinBoard;
using BranchNetwork.Modules.Community.Features.ListBoards;
using BranchNetwork.Modules.Community.Features.ListBoardThreads;
using BranchNetwork.Modules.Community.Features.RemoveBoardModerator;
using BranchNetwork.Modules.Community.Features.SeedDemoBoards;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Community.Areas;

/// <summary>CM-1: boards (版块) — creating and changing them, their moderators, rules (群规) accepted before the first post, welcome message, joining and following: the area's navigation, services, endpoints and jobs.</summary>
internal static class BoardsArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/community/boards", "NavBoards", 20, Icons.Material.Filled.ViewList, Group: "community", TestId: "nav-community-boards"),
    ];

    public static IReadOnlyList<HomeCard> HomeCards { get; } = [];

    public static void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ThreadRules>();
        builder.Services.AddScoped<IDemoDataSeeder, BoardsDemoData>();
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListBoardsEndpoint.Map(api);
        GetBoardAudienceOptionsEndpoint.Map(api);
        GetBoardEndpoint.Map(api);
        CreateBoardEndpoint.Map(api);
        ChangeBoardEndpoint.Map(api);
        AddBoardModeratorEndpoint.Map(api);
        RemoveBoardModeratorEndpoint.Map(api);
        ArchiveBoardEndpoint.Map(api);
        JoinBoardEndpoint.Map(api);
        FollowBoardEndpoint.Map(api);
        ListBoardThreadsEndpoint.Map(api);
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
