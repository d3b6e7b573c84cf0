using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Community.Areas;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Community.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

// Validation messages name fields through this module's FieldName_* keys (SharedKernel FieldNames).
[assembly: BranchNetwork.SharedKernel.Localization.FieldNames(typeof(BranchNetwork.Modules.Community.Resources.CommunityText))]

namespace BranchNetwork.Modules.Community;

/// <summary>
/// 工作社群 (CM-1..CM-4): boards with rules and audiences, threads and replies, questions with accepted answers, polls,
/// discussions of other modules' work, anonymous participation that only an auditor can resolve, and moderation. Each
/// area wires its own slices; this class only puts them together.
/// </summary>
internal sealed class CommunityModule : IModule
{
    public const string TextPrefix = "community";

    public string Name => CommunityDbContext.Module;

    public ModuleTextResource Text { get; } = new(TextPrefix, typeof(CommunityText));

    public IReadOnlyList<NavGroup> NavigationGroups { get; } =
    [
        new("community", "NavCommunity", Icons.Material.Filled.Forum, 38, TestId: "nav-community-group"),
    ];

    public IReadOnlyList<NavEntry> Navigation { get; } =
    [
        .. FeedArea.Navigation, .. BoardsArea.Navigation, .. ThreadsArea.Navigation, .. PollsArea.Navigation,
        .. DiscussionsArea.Navigation, .. ModerationArea.Navigation, .. AnonymityArea.Navigation,
    ];

    public IReadOnlyList<HomeCard> HomeCards { get; } = [.. FeedArea.HomeCards, .. ModerationArea.HomeCards];

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<CommunityDbContext>(Name, CommunityDbContext.Schema);
        builder.Services.AddModuleOutbox<CommunityDbContext>(Name);
        builder.Services.AddScoped<CommunityAccess>();
        builder.Services.AddScoped<Pseudonyms>();
        builder.Services.AddScoped<PostingRules>();
        builder.Services.AddScoped<PublicationNotifier>();
        BoardsArea.AddServices(builder);
        ThreadsArea.AddServices(builder);
        PollsArea.AddServices(builder);
        DiscussionsArea.AddServices(builder);
        ModerationArea.AddServices(builder);
        AnonymityArea.AddServices(builder);
        FeedArea.AddServices(builder);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/community").WithTags("Community").RequireAuthorization(AuthPolicies.Api);
        BoardsArea.MapEndpoints(api);
        ThreadsArea.MapEndpoints(api);
        PollsArea.MapEndpoints(api);
        DiscussionsArea.MapEndpoints(api);
        ModerationArea.MapEndpoints(api);
        AnonymityArea.MapEndpoints(api);
        FeedArea.MapEndpoints(api);
    }

    public async Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        [.. await FeedArea.ReadHomeFiguresAsync(services, cardKeys, cancellationToken), .. await ModerationArea.ReadHomeFiguresAsync(services, cardKeys, cancellationToken)];

    public IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) =>
    [
        .. BoardsArea.RecurringJobs(configuration), .. ThreadsArea.RecurringJobs(configuration), .. PollsArea.RecurringJobs(configuration),
        .. DiscussionsArea.RecurringJobs(configuration), .. ModerationArea.RecurringJobs(configuration), .. AnonymityArea.RecurringJobs(configuration),
        .. FeedArea.RecurringJobs(configuration),
    ];
}
