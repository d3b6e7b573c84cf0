using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Features.GetHomeFigures;
using BranchNetwork.Modules.Notifications.Features.ListAnnouncements;
using BranchNetwork.Modules.Notifications.Features.ListNotifications;
using BranchNetwork.Modules.Notifications.Features.MarkRead;
using BranchNetwork.Modules.Notifications.Features.PublishAnnouncement;
using BranchNetwork.Modules.Notifications.Hubs;
using BranchNetwork.Modules.Notifications.Pages;
using BranchNetwork.Modules.Notifications.Resources;
using BranchNetwork.Modules.Notifications.Services;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Ganss.Xss;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using StackExchange.Redis;

// Validation messages name fields through this module's FieldName_* keys (SharedKernel FieldNames).
[assembly: BranchNetwork.SharedKernel.Localization.FieldNames(typeof(BranchNetwork.Modules.Notifications.Resources.NotificationsText))]

namespace BranchNetwork.Modules.Notifications;

/// <summary>The inbox and the real-time hub (NT-1, NT-2), and head-office announcements.</summary>
internal sealed class NotificationsModule : IModule
{
    private const int MaximumClientMessage = 4 * 1024;

    public string Name => NotificationsDbContext.Module;

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<NotificationsDbContext>(Name, NotificationsDbContext.Schema);
        builder.Services.AddModuleOutbox<NotificationsDbContext>(Name);
        builder.Services.AddScoped<NotificationPusher>();
        builder.Services.AddSingleton<HubMemoryTrim>();
        builder.Services.AddHostedService(services => services.GetRequiredService<HubMemoryTrim>());
        builder.Services.AddSingleton<NotificationText>();
        builder.Services.AddScoped<NavigationCounts>();
        builder.Services.AddScoped<INavigationCounts>(services => services.GetRequiredService<NavigationCounts>());
        builder.Services.AddSingleton<IHtmlSanitizer>(_ => new HtmlSanitizer());

        // Pages only listen to this hub: a client sends the handshake and pings, never more than a few hundred bytes, so a
        // connection may not make the server buffer more than that for it (ADR 0027). This hub only: the pages' own
        // Blazor circuits carry form input and keep their defaults.
        var signalR = builder.Services.AddSignalR()
            .AddHubOptions<NotificationsHub>(options => options.MaximumReceiveMessageSize = MaximumClientMessage);
        // NT-2: several nodes share hub messages through Redis when it is configured.
        if (builder.Configuration["Redis:ConnectionString"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal("branchnet"));
        }
    }

    public ModuleTextResource Text { get; } = new("notifications", typeof(NotificationsText));

    public IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/notifications", "NavInbox", 10, Icons.Material.Filled.Inbox, MatchAll: true, TestId: "nav-inbox"),
        new("/notifications/announcements", "NavAnnouncements", 40, Icons.Material.Filled.Campaign, Roles: [BankRoles.HeadOfficeSupervisor, BankRoles.SystemAdmin], TestId: "nav-announcements"),
    ];

    public IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(GetHomeFiguresHandler.Unread, "Card_Unread_Title", 90, Icons.Material.Filled.MarkEmailUnread),
    ];

    public IReadOnlyList<Type> AppBarComponents { get; } = [typeof(NotificationBell)];

    public Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        services.GetRequiredService<IPageSender>().Send(new GetHomeFiguresQuery(cardKeys), cancellationToken).AsTask();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(AuthPolicies.Api);
        ListNotificationsEndpoint.Map(api);
        MarkReadEndpoint.Map(api);
        PublishAnnouncementEndpoint.Map(api);
        ListAnnouncementsEndpoint.Map(api);
        endpoints.MapHub<NotificationsHub>(NotificationsHubContract.Path, options =>
        {
            // What the transport reads from a client before it stops reading: the same bound as the largest message.
            options.TransportMaxBufferSize = MaximumClientMessage;
        });
    }
}
