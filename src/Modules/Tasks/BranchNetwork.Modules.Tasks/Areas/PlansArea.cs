using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Areas;

/// <summary>TK-1 and TK-5: work plans, their review and versions, excellent plans: the area's navigation, services, endpoints and jobs.</summary>
internal static class PlansArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } = [];

    public static void AddServices(WebApplicationBuilder builder)
    {
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
