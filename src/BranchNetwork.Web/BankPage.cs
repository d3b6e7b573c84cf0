using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Infrastructure.Resources;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace BranchNetwork.Web;

/// <summary>
/// The base of every module page: it sends requests through the page sender (a scope per call, ADR 0009) and gives
/// every failure one path, the same as the API's problem details (ADR 0010): field errors stay under their fields,
/// every other refusal or failure is a snackbar message in the user's language. No exception escapes to end the circuit.
/// Public because Blazor components must be; its members are for the pages deriving from it.
/// </summary>
public abstract class BankPage : ComponentBase
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    // The form the current field errors came from, on pages where two forms have a field of the same name.
    private string? errorsForm;

    [Inject]
    protected IPageSender Sender { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<PlatformText> PlatformText { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    /// <summary>The field errors of the last request sent through <see cref="RunAsync"/>, by field name.</summary>
    protected IReadOnlyDictionary<string, string[]> Errors { get; set; } = NoErrors;

    /// <summary>The errors of <paramref name="field"/>; with <paramref name="form"/>, only when that form was the one sent.</summary>
    protected string? ErrorOf(string field, string? form = null) =>
        form is not null && form != errorsForm ? null
        : Errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value).ToList() is { Count: > 0 } m ? string.Join(" ", m) : null;

    protected bool HasError(string field, string? form = null) => ErrorOf(field, form) is not null;

    /// <summary>
    /// Runs <paramref name="action"/>: true when it succeeded (then <paramref name="success"/>, if any, shows in a snackbar).
    /// Field errors stay on the form (and in a snackbar); other failures go to the snackbar. <paramref name="form"/> names the
    /// form sending it, where the page has several with the same field names.
    /// </summary>
    protected async Task<bool> RunAsync(Func<Task> action, string? success = null, string? form = null)
    {
        errorsForm = form;
        try
        {
            await action();
            Errors = NoErrors;
            if (success is not null)
            {
                ClearStaleProblems();
                Snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (Exception e)
        {
            Show(e);
            return false;
        }
    }

    /// <summary>Sends a command through <see cref="RunAsync"/>; its response, or default when it failed (the user has been told why).</summary>
    protected async Task<(bool Ok, TResponse? Response)> SendAsync<TResponse>(ICommand<TResponse> command, string? success = null, string? form = null)
    {
        TResponse? response = default;
        var ok = await RunAsync(async () => response = await Sender.Send(command), success, form);
        if (ok)
        {
            ClearStaleProblems();
        }

        return (ok, response);
    }

    /// <summary>Sends a query through <see cref="RunAsync"/>; its response, or default when it failed (the user has been told why).</summary>
    protected async Task<(bool Ok, TResponse? Response)> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        TResponse? response = default;
        var ok = await RunAsync(async () => response = await Sender.Send(query));
        return (ok, response);
    }

    /// <summary>
    /// Asks before an action that reaches many people or cannot be undone: <paramref name="message"/> states the
    /// consequence (who is told, what becomes final). True only when the user chose <paramref name="yes"/>.
    /// </summary>
    protected async Task<bool> ConfirmAsync(string title, string message, string yes, string cancel) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: cancel) == true;

    /// <summary>
    /// A save went through: the refusals and failures shown before it are about a state that no longer holds
    /// (the field was corrected, the conflict reloaded), so their toasts go rather than pile up over the page.
    /// </summary>
    private void ClearStaleProblems()
    {
        foreach (var stale in Snackbar.ShownSnackbars.Where(s => s.Severity is Severity.Warning or Severity.Error).ToList())
        {
            Snackbar.Remove(stale);
        }
    }

    /// <summary>What the user is told about a failure: the same text an API caller gets in the problem's title.</summary>
    protected void Show(Exception exception)
    {
        switch (exception)
        {
            case ValidationFailedException v:
                Errors = v.Errors;
                Snackbar.Add(string.Join(" ", v.Errors.SelectMany(x => x.Value).Distinct().Take(5)), Severity.Warning);
                break;
            case AppException e:
                // Platform-wide codes (a role the user lacks, …) get the reader's language here, as the API's problem
                // details do; module errors arrive already localised.
                var platform = PlatformText[e.Code];
                Snackbar.Add(platform.ResourceNotFound ? e.Message : platform.Value, Severity.Error);
                break;
            case DbUpdateConcurrencyException:
                Snackbar.Add(PlatformText["concurrency_conflict"], Severity.Warning);
                break;
            case DbUpdateException d when DatabaseErrors.IsUniqueViolation(d):
                Snackbar.Add(PlatformText["duplicate_conflict"], Severity.Warning);
                break;
            case var busy when DatabaseErrors.IsAtCapacity(busy):
                Snackbar.Add(PlatformText["database_busy"], Severity.Warning);
                break;
            case OperationCanceledException:
                // The user left the page or the circuit is going away: nobody to tell.
                break;
            default:
                LoggerFactory.CreateLogger(GetType()).LogError(exception, "Unhandled failure on page {Page}", GetType().Name);
                Snackbar.Add(PlatformText["internal_error"], Severity.Error);
                break;
        }
    }
}
