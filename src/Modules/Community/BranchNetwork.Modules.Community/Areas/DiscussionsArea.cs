using BranchNetwork.Modules.Community.Features.OpenDiscussion;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Modules.Community.Areas;

/// <summary>CM-2: discussion threads (全员点评) of published results, excellent plans and ideas, opened through the other modules' contracts: the area's navigation, services, endpoints and jobs.</summary>
internal static class DiscussionsArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } = [];

    public static IReadOnlyList<HomeCard> HomeCards { get; } = [];

    public static void AddServices(WebApplicationBuilder builder)
    {
        _ = builder;
    }

    public static void MapEndpoints(IEndpointRouteBuilder api) => OpenDiscussionEndpoint.Map(api);

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
