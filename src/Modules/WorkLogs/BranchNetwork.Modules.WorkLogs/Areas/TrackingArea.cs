using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.ChaseUpLogs;
using BranchNetwork.Modules.WorkLogs.Features.GetHomeFigures;
using BranchNetwork.Modules.WorkLogs.Features.GetRates;
using BranchNetwork.Modules.WorkLogs.Features.GetSubmissions;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.WorkLogs.Areas;

/// <summary>WL-2 and SPEC §9: the day's submissions, monthly rates, chase-up and missing-digest jobs, the module's home cards.</summary>
internal static class TrackingArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/worklogs/tracking", "NavTracking", 40, Icons.Material.Filled.FactCheck, Group: "worklogs",
            Roles: [BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor],
            TestId: "nav-worklogs-tracking"),
    ];

    /// <summary>The module's home cards (SPEC §9), all read by one query of this area.</summary>
    public static IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(WorkLogsHomeCards.MyToday, "Card_MyToday_Title", 11, Icons.Material.Filled.EditNote, WorkLogsHomeCards.SubBranchMembers),
        new(WorkLogsHomeCards.MissingToday, "Card_MissingToday_Title", 17, Icons.Material.Filled.PendingActions, [BankRoles.SubBranchHead]),
        new(WorkLogsHomeCards.SubmittedToday, "Card_SubmittedToday_Title", 26, Icons.Material.Filled.FactCheck, [BankRoles.HeadOfficeSupervisor]),
    ];

    public static Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        services.GetRequiredService<IPageSender>().Send(new GetHomeFiguresQuery(cardKeys), cancellationToken).AsTask();

    public static void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<LogChaser>();

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        GetSubmissionsEndpoint.Map(api);
        GetRatesEndpoint.Map(api);
    }

    /// <summary>跟催 at <c>WorkLogs:ChaseUpAt</c> and the heads' missing digest at <c>WorkLogs:CutOff</c>, China time, every day (the runs skip non-working days).</summary>
    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration)
    {
        var settings = WorkLogSettings.From(configuration);
        return
        [
            new(LogChaser.ChaseUpJobId, ChaseUpJobs.DailyAt(settings.ChaseUpAt), BankCalendar.Zone,
                (services, ct) => services.GetRequiredService<LogChaser>().ChaseUpAsync(ct)),
            new(LogChaser.MissingDigestJobId, ChaseUpJobs.DailyAt(settings.Window.CutOff), BankCalendar.Zone,
                (services, ct) => services.GetRequiredService<LogChaser>().MissingDigestAsync(ct)),
        ];
    }
}
