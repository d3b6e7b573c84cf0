using System.Globalization;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.SharedKernel.Errors;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BranchNetwork.Modules.Assessment.Pages;

/// <summary>Public because Blazor components must be (routing); its members stay assembly-private. What every assessment page shares: the page sender (a scope per call), strings, snackbar and per-field errors from handlers.</summary>
public abstract class AssessmentPageBase : ComponentBase
{
    [Inject]
    private protected BranchNetwork.Infrastructure.Web.IPageSender Sender { get; set; } = default!;

    [Inject]
    private protected IStringLocalizer<AssessmentUiText> T { get; set; } = default!;

    [Inject]
    private protected ISnackbar Snackbar { get; set; } = default!;

    private protected IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    // The form the current field errors came from, on pages where two forms have a field of the same name.
    private string? errorsForm;

    /// <summary>The errors of <paramref name="field"/>; with <paramref name="form"/>, only when that form was the one sent.</summary>
    private protected string? ErrorOf(string field, string? form = null) =>
        form is not null && form != errorsForm ? null
        : Errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value).ToList() is { Count: > 0 } m ? string.Join(" ", m) : null;

    private protected bool HasError(string field, string? form = null) => ErrorOf(field, form) is not null;

    /// <summary>
    /// Runs a command: field errors stay on the form (and in a snackbar), other refusals go to the snackbar.
    /// <paramref name="form"/> names the form sending it, where the page has several with the same field names.
    /// </summary>
    private protected async Task<bool> RunAsync(Func<Task> action, string? success = null, string? form = null)
    {
        errorsForm = form;
        try
        {
            await action();
            Errors = new Dictionary<string, string[]>();
            if (success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (ValidationFailedException e)
        {
            Errors = e.Errors;
            Snackbar.Add(string.Join(" ", e.Errors.SelectMany(x => x.Value).Distinct().Take(5)), Severity.Warning);
            return false;
        }
        catch (AppException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
            return false;
        }
    }

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
