using System.Globalization;
using BranchNetwork.Modules.Resources.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Resources.Pages.Approvals;

/// <summary>Public because Blazor components must be; its members stay assembly-private. What the approvals pages share: their strings and formats.</summary>
public abstract class ApprovalsPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<ResourcesText> L { get; set; } = default!;

    private protected string Text(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, L[key], args);

    private protected static string Time(DateTime utc) => ChinaTime.ToDisplay(utc);

    private protected static Dictionary<string, object> Id(string testId) => new() { ["data-testid"] = testId };

    /// <summary>¥12,345.00 for money; "2 人", "30 台" for people and material.</summary>
    private protected static string Figure(ResourceKind kind, decimal? value, string? unit) => value is not { } v
        ? "—"
        : kind == ResourceKind.Money
            ? v.ToString("¥#,##0.00", CultureInfo.InvariantCulture)
            : $"{v.ToString("#,##0.##", CultureInfo.InvariantCulture)} {unit}".TrimEnd();
}
