using BranchNetwork.Infrastructure.Text;
using FluentValidation;

namespace BranchNetwork.Modules.Tasks.Features.Shared;

/// <summary>Text rules of the plans area's inputs.</summary>
internal static class PlanRules
{
    /// <summary>
    /// Multi-line text a reader acts on (a contingency plan, a milestone note): line breaks and tabs are fine, other
    /// control characters and text-direction controls are refused — they break exports and other people's screens.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PlainLines<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || (!TextGuard.HasBidiControl(v) && !v.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'))))
            .WithMessage(_ => TextRules.BidiControlMessage);
}
