using System.Globalization;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.Modules.Tasks.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BranchNetwork.Modules.Tasks.Pages.Supervision;

/// <summary>Public because Blazor components must be; what the supervision pages share: their strings and formats.</summary>
public abstract class SupervisionPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<TasksText> T { get; set; } = default!;

    private protected string PlanText(SupervisedPlanState state) => T[$"Sv_Plan_{state}"];

    private protected static Color PlanColor(SupervisedPlanState state) => state switch
    {
        SupervisedPlanState.Approved => Color.Success,
        SupervisedPlanState.Submitted => Color.Info,
        SupervisedPlanState.Returned => Color.Warning,
        SupervisedPlanState.Draft => Color.Default,
        _ => Color.Error,
    };

    private protected string WeekText(int year, int week) => string.Format(CultureInfo.CurrentCulture, T["WeekLabel"], year, week);

    private protected static string Percent(decimal? fraction) => fraction is { } f ? (f * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private protected static string Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "—";

    private protected static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private protected static string Time(DateTime utc) => SharedKernel.ChinaTime.ToDisplay(utc);
}
