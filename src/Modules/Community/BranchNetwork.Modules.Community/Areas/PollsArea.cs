using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Modules.Community.Areas;

/// <summary>CM-2: polls (投票) on threads — single or multiple choice, anonymous ballots, closing, results shown on vote, on close or to moderators only: the area's navigation, services, endpoints and jobs.</summary>
internal static class PollsArea
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
