using System.Globalization;
using BranchNetwork.Modules.WorkLogs.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BranchNetwork.Modules.WorkLogs.Pages.Reading;

/// <summary>Public because Blazor components must be; its members stay assembly-private. What the reading pages share: their strings and formats.</summary>
public abstract class ReadingPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<WorkLogsText> T { get; set; } = default!;

    private protected string Text(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, T[key], args);

    private protected string TimelinessText(LogTimeliness? timeliness) => timeliness is { } t ? T[$"Timeliness_{t}"] : "";

    private protected static Color TimelinessColor(LogTimeliness? timeliness) => timeliness == LogTimeliness.Late ? Color.Warning : Color.Success;

    private protected static string Day(DateOnly day) => ChinaTime.ToDisplay(day);

    private protected static string Time(DateTime utc) => ChinaTime.ToDisplay(utc);

    private protected static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private protected static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
