using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Modules.Resources.Areas;

/// <summary>RR-3 and SPEC §9: history and totals per sub-branch and kind, the module's home cards, demo data.</summary>
internal static class HistoryArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } = [];

    /// <summary>The module's home cards (SPEC §9), all read by one query of this area.</summary>
    public static IReadOnlyList<HomeCard> HomeCards { get; } = [];

    /// <summary>No card yet, so no figure: the history helper adds the cards and their one query.</summary>
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
