using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Community.Features.AddSensitiveWord;
using BranchNetwork.Modules.Community.Features.ApproveItem;
using BranchNetwork.Modules.Community.Features.ChangeSensitiveWord;
using BranchNetwork.Modules.Community.Features.ExpireContent;
using BranchNetwork.Modules.Community.Features.GetModerationFigures;
using BranchNetwork.Modules.Community.Features.GiveSanction;
using BranchNetwork.Modules.Community.Features.LiftSanction;
using BranchNetwork.Modules.Community.Features.ListExpiringThreads;
using BranchNetwork.Modules.Community.Features.ListModerationActions;
using BranchNetwork.Modules.Community.Features.ListReports;
using BranchNetwork.Modules.Community.Features.ListReviewQueue;
using BranchNetwork.Modules.Community.Features.ListSanctions;
using BranchNetwork.Modules.Community.Features.ListSensitiveWords;
using BranchNetwork.Modules.Community.Features.RejectItem;
using BranchNetwork.Modules.Community.Features.RemoveItem;
using BranchNetwork.Modules.Community.Features.RemoveSensitiveWord;
using BranchNetwork.Modules.Community.Features.ReportItem;
using BranchNetwork.Modules.Community.Features.ResolveReport;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Community.Areas;

/// <summary>CM-4: review queue, reports (举报), sensitive words, warnings and bans (警告/移出), content expiry: the area's navigation, services, endpoints and jobs.</summary>
internal static class ModerationArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/community/moderation", "NavModeration", 60, Icons.Material.Filled.FactCheck, Group: "community", Roles: [BankRoles.Moderator], TestId: "nav-community-moderation"),
        new("/community/moderation/words", "NavSensitiveWords", 61, Icons.Material.Filled.Spellcheck, Group: "community", Roles: [BankRoles.Moderator], TestId: "nav-community-words"),
        new("/community/moderation/sanctions", "NavSanctions", 62, Icons.Material.Filled.Block, Group: "community", Roles: [BankRoles.Moderator], TestId: "nav-community-sanctions"),
        new("/community/moderation/record", "NavModerationRecord", 63, Icons.Material.Filled.History, Group: "community",
            Roles: [BankRoles.Moderator, BankRoles.Auditor], TestId: "nav-community-moderation-record"),
    ];

    /// <summary>The moderator's home cards (SPEC §9): review queue, reports, content expiring in the next 7 days.</summary>
    public static IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(ModerationHomeCards.ReviewQueue, "Card_ReviewQueue_Title", 40, Icons.Material.Filled.FactCheck, ModerationHomeCards.Roles),
        new(ModerationHomeCards.Reports, "Card_Reports_Title", 41, Icons.Material.Filled.Report, ModerationHomeCards.Roles),
        new(ModerationHomeCards.Expiring, "Card_Expiring_Title", 42, Icons.Material.Filled.HourglassBottom, ModerationHomeCards.Roles),
    ];

    public static void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ModerationDesk>();
        builder.Services.AddScoped<ContentExpiry>();
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListSensitiveWordsEndpoint.Map(api);
        AddSensitiveWordEndpoint.Map(api);
        ChangeSensitiveWordEndpoint.Map(api);
        RemoveSensitiveWordEndpoint.Map(api);
        ListReviewQueueEndpoint.Map(api);
        ApproveItemEndpoint.Map(api);
        RejectItemEndpoint.Map(api);
        RemoveItemEndpoint.Map(api);
        ReportItemEndpoint.Map(api);
        ListReportsEndpoint.Map(api);
        ResolveReportEndpoint.Map(api);
        GiveSanctionEndpoint.Map(api);
        ListSanctionsEndpoint.Map(api);
        LiftSanctionEndpoint.Map(api);
        ListModerationActionsEndpoint.Map(api);
        ListExpiringThreadsEndpoint.Map(api);
    }

    public static Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        cardKeys.Any(k => k is ModerationHomeCards.ReviewQueue or ModerationHomeCards.Reports or ModerationHomeCards.Expiring)
            ? services.GetRequiredService<IPageSender>().Send(new GetModerationFiguresQuery(cardKeys), cancellationToken).AsTask()
            : Task.FromResult<IReadOnlyList<HomeFigure>>([]);

    /// <summary>Content expiry (主题与期限) at minute 0 of every hour.</summary>
    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) =>
    [
        new(ContentExpiry.JobId, ContentExpiry.Cron, BankCalendar.Zone, (services, ct) => services.GetRequiredService<ContentExpiry>().RunAsync(ct)),
    ];
}
