using System.Globalization;
using BranchNetwork.Modules.Tasks.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BranchNetwork.Modules.Tasks.Pages.Week;

/// <summary>Public because Blazor components must be; its members stay assembly-private. What the week pages share: their strings, week label and number formats.</summary>
public abstract class WeekPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<WeekPagesText> W { get; set; } = default!;

    // State and recurrence names are the module's (the API's refusals use the same words).
    [Inject]
    private protected IStringLocalizer<TasksText> K { get; set; } = default!;

    private protected string WeekLabel(int year, int week, DateOnly start, DateOnly end) =>
        string.Format(CultureInfo.CurrentCulture, W["WeekLabel"], year, week, Day(start), Day(end));

    private protected string StateText(WeeklyTaskState state) => K[$"TaskState_{state}"];

    private protected string RecurrenceText(TaskRecurrence recurrence) => K[$"Recurrence_{recurrence}"];

    private protected static Color StateColor(WeeklyTaskState state) => state switch
    {
        WeeklyTaskState.Done => Color.Success,
        WeeklyTaskState.Open => Color.Primary,
        WeeklyTaskState.CarriedOver => Color.Info,
        _ => Color.Default,
    };

    private protected string Text(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, W[key], args);

    private protected static string Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "—";

    private protected static string Percent(decimal rate) => rate.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private protected static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private protected static string ShortDay(DateOnly date) => date.ToString("MM-dd", CultureInfo.InvariantCulture);

    private protected static string Time(DateTime utc) => ChinaTime.ToDisplay(utc);
}
