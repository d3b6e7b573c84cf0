using System.Globalization;
using BranchNetwork.Modules.Tasks.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BranchNetwork.Modules.Tasks.Pages.Plans;

/// <summary>Public because Blazor components must be (routing); its members stay assembly-private. What the plans pages add to the shared page base: their strings and formats.</summary>
public abstract class PlansPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<TasksText> T { get; set; } = default!;

    [Inject]
    private protected NavigationManager Navigation { get; set; } = default!;

    private protected string StateText(PlanState? state) => state is { } s ? T[$"PlanState_{s}"] : T["NotStarted"];

    private protected static Color StateColor(PlanState? state) => state switch
    {
        PlanState.Submitted => Color.Warning,
        PlanState.Returned => Color.Error,
        PlanState.Approved => Color.Success,
        PlanState.Draft => Color.Info,
        _ => Color.Default,
    };

    private protected static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private protected static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private protected static string Time(DateTime utc) => SharedKernel.ChinaTime.ToDisplay(utc);
}
