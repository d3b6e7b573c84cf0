using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Modules.Tasks.Areas;

/// <summary>TK-4 and SPEC §9: head office's overview, prompts, reminders and the module's home cards: the area's navigation, services, endpoints and jobs.</summary>
internal static class SupervisionArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } = [];

    /// <summary>The module's home cards (SPEC §9), all read by one query of this area.</summary>
    public static IReadOnlyList<HomeCard> HomeCards { get; } = [];

    public static Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HomeFigure>>([]);

    public static void AddServices(WebApplicationBuilder builder)
    {
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
