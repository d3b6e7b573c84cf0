using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Modules.Resources.Areas;

/// <summary>RR-2: the approvers' side — the queue at my step, opening, deciding (approve, partially approve, reject), returning, transferring, adding signers, confirming delivery; the routes SystemAdmin keeps; the daily SLA reminder.</summary>
internal static class ApprovalsArea
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
