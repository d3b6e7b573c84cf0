using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Community.Features.GetHomeFigures;
using BranchNetwork.Modules.Community.Features.ListFeed;
using BranchNetwork.Modules.Community.Features.ListMyActivity;
using BranchNetwork.Modules.Community.Features.MarkActivitySeen;
using BranchNetwork.Modules.Community.Features.MarkFeedRead;
using BranchNetwork.Modules.Community.Features.SearchPosts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Community.Areas;

/// <summary>The home feed of followed boards (newest, hot, unread), search that handles Chinese, the staff's home cards: the area's navigation, services, endpoints and jobs.</summary>
internal static class FeedArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/community", "NavFeed", 10, Icons.Material.Filled.DynamicFeed, Group: "community", MatchAll: true, TestId: "nav-community-feed"),
        new("/community/search", "NavSearch", 90, Icons.Material.Filled.Search, Group: "community", TestId: "nav-community-search"),
    ];

    public static IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(CommunityHomeCards.RepliesToMe, "Card_RepliesToMe_Title", 40, Icons.Material.Filled.Reply, CommunityHomeCards.Participants),
        new(CommunityHomeCards.Mentions, "Card_Mentions_Title", 41, Icons.Material.Filled.AlternateEmail, CommunityHomeCards.Participants),
    ];

    public static void AddServices(WebApplicationBuilder builder)
    {
        _ = builder;
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListFeedEndpoint.Map(api);
        MarkFeedReadEndpoint.Map(api);
        SearchPostsEndpoint.Map(api);
        ListMyActivityEndpoint.Map(api);
        MarkActivitySeenEndpoint.Map(api);
    }

    public static Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        services.GetRequiredService<IPageSender>().Send(new GetCommunityHomeFiguresQuery(cardKeys), cancellationToken).AsTask();

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
