using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Modules.Community.Areas;

/// <summary>The home feed of followed boards (newest, hot, unread), search that handles Chinese, the staff's home cards: the area's navigation, services, endpoints and jobs.</summary>
internal static class FeedArea
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

    public static Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken)
    {
        _ = services;
        _ = cardKeys;
        _ = cancellationToken;
        return Task.FromResult<IReadOnlyList<HomeFigure>>([]);
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
