using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Modules.Resources.Areas;

/// <summary>RR-1: filing, editing, submitting (with the route preview), recalling and withdrawing requests, the lists and a request's page: the area's navigation, services and endpoints.</summary>
internal static class RequestsArea
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
