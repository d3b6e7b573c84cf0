using System.Globalization;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.Modules.WorkLogs.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BranchNetwork.Modules.WorkLogs.Pages.Tracking;

/// <summary>Public because Blazor components must be; what the tracking page needs: its strings and formats.</summary>
public abstract class TrackingPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<WorkLogsText> T { get; set; } = default!;

    private protected string StatusText(SubmissionStatus status) => T[$"Tracking_Status_{status}"];

    private protected static Color StatusColor(SubmissionStatus status) => status switch
    {
        SubmissionStatus.OnTime => Color.Success,
        SubmissionStatus.Late => Color.Warning,
        SubmissionStatus.Missing => Color.Error,
        SubmissionStatus.Pending => Color.Info,
        _ => Color.Default,
    };

    private protected static string Percent(decimal? fraction) => fraction is { } f ? (f * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private protected static Color RateColor(decimal? rate) => rate >= 0.95m ? Color.Success : rate >= 0.8m ? Color.Warning : Color.Error;

    private protected static string Day(DateOnly date) => date.ToString(ChinaTime.DateFormat, CultureInfo.InvariantCulture);

    private protected static string Time(DateTime? utc) => ChinaTime.ToDisplay(utc);

    private protected static string ClockTime(DateTime utc) => ChinaTime.FromUtc(utc).ToString("HH:mm", CultureInfo.InvariantCulture);
}
