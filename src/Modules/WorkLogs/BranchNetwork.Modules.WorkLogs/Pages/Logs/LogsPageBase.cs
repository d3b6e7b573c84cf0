using System.Globalization;
using BranchNetwork.Modules.WorkLogs.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.WorkLogs.Pages.Logs;

/// <summary>Public because Blazor components must be; its members stay assembly-private. What the logs pages share: their strings and formats.</summary>
public abstract class LogsPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<WorkLogsText> L { get; set; } = default!;

    private protected string Text(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, L[key], args);

    private protected static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private protected static string Time(DateTime utc) => ChinaTime.ToDisplay(utc);

    private protected static string Clock(DateTime utc) => ChinaTime.FromUtc(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    private protected static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>草稿 / 已提交 · 按时 / 已提交 · 迟交 (and 未开始, 缺交 for the month list).</summary>
    private protected string StateText(string state, LogTimeliness? timeliness) => state switch
    {
        "Submitted" => $"{L["LogState_Submitted"]} · {L[$"Timeliness_{timeliness ?? LogTimeliness.OnTime}"]}",
        "Draft" => L["LogState_Draft"],
        "Missing" => L["Timeliness_Missing"],
        "Pending" => L["Logs_StatePending"],
        _ => L["Logs_StateNew"],
    };
}
