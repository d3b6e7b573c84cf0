using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Modules.Tasks.Areas;

/// <summary>TK-2 and TK-3: weekly tasks, write-offs, carry-overs, my week and the team board: the area's navigation, services, endpoints and jobs.</summary>
internal static class WeekArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } = [];

    public static void AddServices(WebApplicationBuilder builder)
    {
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
