using System.Globalization;
using BranchNetwork.Modules.Assessment.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BranchNetwork.Modules.Assessment.Pages;

/// <summary>Public because Blazor components must be (routing); its members stay assembly-private. What assessment pages add to the shared page base (sender, snackbar, field errors, one error path): their strings and formats.</summary>
public abstract class AssessmentPageBase : BranchNetwork.Web.BankPage
{
    [Inject]
    private protected IStringLocalizer<AssessmentUiText> T { get; set; } = default!;

    private protected string StatusText(SchemeStatus status) => T[$"Status{status}"];

    private protected static Color StatusColor(SchemeStatus status) => status switch
    {
        SchemeStatus.Draft => Color.Default,
        SchemeStatus.Published => Color.Primary,
        _ => Color.Success,
    };

    private protected string GradeText(Grade grade) => T[$"Grade{grade}"];

    private protected static string Percent(decimal fraction) => (fraction * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private protected static string Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "—";

    private protected static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private protected static string Time(DateTime utc) => SharedKernel.ChinaTime.ToDisplay(utc);
}
