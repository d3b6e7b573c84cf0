using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Modules.Community.Areas;

/// <summary>CM-1: boards (版块) — creating and changing them, their moderators, rules (群规) accepted before the first post, welcome message, joining and following: the area's navigation, services, endpoints and jobs.</summary>
internal static class BoardsArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } = [];

    public static IReadOnlyList<HomeCard> HomeCards { get; } = [];

    public static void AddServices(WebApplicationBuilder builder)
    {
        _ = builder;
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        _ = api;
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
