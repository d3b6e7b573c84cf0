using System.Globalization;
using BranchNetwork.Host.Resources;
using BranchNetwork.Infrastructure.Jobs;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Hangfire;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BranchNetwork.Host.Platform;

/// <summary>
/// SystemAdmin's home cards (SPEC §9) about the platform itself rather than a module: outbox messages parked after every
/// delivery attempt failed, and Hangfire jobs in the failed state. The shell shows them as it shows a module's cards;
/// the platform is not in the catalog (it has no pages, endpoints or texts of a module of its own to load).
/// </summary>
internal sealed class PlatformHomeCards : IModule
{
    public const string ParkedMessagesCard = "PlatformParkedMessages";
    public const string FailedJobsCard = "PlatformFailedJobs";
    public const string ParkedPage = "/platform/outbox";

    public string Name => "Platform";

    public ModuleTextResource? Text { get; } = new("platform", typeof(SharedText));

    public IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(ParkedMessagesCard, "Card_ParkedMessages_Title", 84, Icons.Material.Filled.MarkunreadMailbox, [BankRoles.SystemAdmin]),
        new(FailedJobsCard, "Card_FailedJobs_Title", 85, Icons.Material.Filled.ErrorOutline, [BankRoles.SystemAdmin]),
    ];

    public void AddServices(WebApplicationBuilder builder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public async Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken)
    {
        services.GetRequiredService<ICurrentUser>().EnsureAnyRole(BankRoles.SystemAdmin);
        var text = services.GetRequiredService<IStringLocalizer<SharedText>>();
        var figures = new List<HomeFigure>();
        if (cardKeys.Contains(ParkedMessagesCard))
        {
            var parked = await ParkedMessages.CountAsync(services, cancellationToken);
            var total = parked.Values.Sum();
            var caption = total == 0 ? text["Card_ParkedMessages_Zero"].Value
                : string.Format(CultureInfo.CurrentCulture, text["Card_ParkedMessages_Caption"], string.Join(text["ListSeparator"], parked.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
            figures.Add(new HomeFigure(ParkedMessagesCard, Count(total), caption, ParkedPage));
        }

        if (cardKeys.Contains(FailedJobsCard))
        {
            // The monitoring API reads counters the storage keeps: one cheap call, not a scan of the job history.
            var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
            var failed = monitoring.FailedCount();
            var caption = failed == 0 ? text["Card_FailedJobs_Zero"].Value : text["Card_FailedJobs_Caption"].Value;
            figures.Add(new HomeFigure(FailedJobsCard, Count((int)Math.Min(failed, int.MaxValue)), caption, JobsExtensions.DashboardPath + "/jobs/failed"));
        }

        return figures;
    }

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
