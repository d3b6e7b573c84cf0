using BranchNetwork.Modules.Community.Features.AcceptAnswer;
using BranchNetwork.Modules.Community.Features.CloseThread;
using BranchNetwork.Modules.Community.Features.EditReply;
using BranchNetwork.Modules.Community.Features.EditThread;
using BranchNetwork.Modules.Community.Features.FavouriteThread;
using BranchNetwork.Modules.Community.Features.FeatureThread;
using BranchNetwork.Modules.Community.Features.GetMentionOptions;
using BranchNetwork.Modules.Community.Features.GetPostHistory;
using BranchNetwork.Modules.Community.Features.GetThread;
using BranchNetwork.Modules.Community.Features.LikePost;
using BranchNetwork.Modules.Community.Features.ListFavourites;
using BranchNetwork.Modules.Community.Features.ListLikers;
using BranchNetwork.Modules.Community.Features.ListReplies;
using BranchNetwork.Modules.Community.Features.PinThread;
using BranchNetwork.Modules.Community.Features.PostReply;
using BranchNetwork.Modules.Community.Features.PostThread;
using BranchNetwork.Modules.Community.Features.ShareThread;
using BranchNetwork.Modules.Community.Features.UploadImage;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Community.Areas;

/// <summary>CM-1: threads and replies — posting (rich text, quotes, tags, @mentions), likes, favourites, sharing, accepted answers, pin and feature, views, edit history, live updates: the area's navigation, services, endpoints and jobs.</summary>
internal static class ThreadsArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/community/favourites", "NavFavourites", 30, Icons.Material.Filled.Bookmark, Group: "community", TestId: "nav-community-favourites"),
    ];

    public static IReadOnlyList<HomeCard> HomeCards { get; } = [];

    public static void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CommunityImagePolicy>();
        builder.Services.AddScoped<IFileAccessPolicy>(sp => sp.GetRequiredService<CommunityImagePolicy>());
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        PostThreadEndpoint.Map(api);
        GetThreadEndpoint.Map(api);
        ListRepliesEndpoint.Map(api);
        PostReplyEndpoint.Map(api);
        EditThreadEndpoint.Map(api);
        EditReplyEndpoint.Map(api);
        GetPostHistoryEndpoint.Map(api);
        LikePostEndpoint.Map(api);
        ListLikersEndpoint.Map(api);
        FavouriteThreadEndpoint.Map(api);
        ListFavouritesEndpoint.Map(api);
        ShareThreadEndpoint.Map(api);
        AcceptAnswerEndpoint.Map(api);
        PinThreadEndpoint.Map(api);
        FeatureThreadEndpoint.Map(api);
        CloseThreadEndpoint.Map(api);
        UploadImageEndpoint.Map(api);
        GetMentionOptionsEndpoint.Map(api);
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
