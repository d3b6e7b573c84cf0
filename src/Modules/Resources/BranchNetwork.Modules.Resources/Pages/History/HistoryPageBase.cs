using System.Globalization;
using BranchNetwork.Modules.Resources.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Resources.Pages.History;

/// <summary>Public because Blazor components must be; what the history page needs: its strings and the module's formats.</summary>
public abstract class HistoryPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<ResourcesText> T { get; set; } = default!;

    private protected string KindText(ResourceKind kind) => T[$"Kind_{kind}"];

    /// <summary>Money as ¥12,345.00; people in 人; material in its unit, thousands separated.</summary>
    private protected string Measure(ResourceKind kind, string? unit, decimal value) => kind switch
    {
        ResourceKind.Money => value.ToString("¥#,0.00", CultureInfo.InvariantCulture),
        ResourceKind.People => $"{value.ToString("#,0.##", CultureInfo.InvariantCulture)} {T["UnitPerson"]}",
        _ => $"{value.ToString("#,0.##", CultureInfo.InvariantCulture)} {unit}",
    };

    /// <summary>What was granted of what the decided requests asked, or a dash when none is decided yet.</summary>
    private protected static string Ratio(decimal granted, decimal decidedAsked) =>
        decidedAsked > 0 ? (granted / decidedAsked * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>One line of the table: a sub-branch's requests of one kind (material: one unit) over the period.</summary>
    private protected sealed record HistoryRow(string SubBranchName, ResourceKind Kind, string? Unit, int Requests, decimal Asked, decimal DecidedAsked, decimal Granted);
}
