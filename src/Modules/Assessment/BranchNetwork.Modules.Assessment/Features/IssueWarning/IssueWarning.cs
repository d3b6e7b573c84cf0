using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.IssueWarning;

/// <summary>
/// A manual warning or prompt (提示) from a supervisor to a sub-branch of a published scheme, optionally about
/// one indicator or about a plan, task or log another module owns (<see cref="SubjectKind"/> + <see cref="SubjectId"/>).
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record IssueWarningCommand(Guid SchemeId, Guid SubBranchId, Guid? IndicatorId, WarningKind Kind, string Message, string? SubjectKind, Guid? SubjectId)
    : ICommand<WarningDto>;

internal sealed class IssueWarningValidator : AbstractValidator<IssueWarningCommand>
{
    public static readonly string[] SubjectKinds = ["WorkPlan", "WeeklyTask", "WorkLog"];

    public IssueWarningValidator(IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Message).NotEmpty().MaximumLength(Warning.MessageMaxLength);
        RuleFor(c => c.SubjectKind).Must(k => k is null || SubjectKinds.Contains(k)).WithMessage(text["SubjectKindUnknown"]).NoControlCharacters();
        RuleFor(c => c.SubjectId).NotNull().When(c => c.SubjectKind is not null).WithMessage(text["SubjectIdRequired"]);
    }
}

internal sealed class IssueWarningHandler(AssessmentDbContext db, AssessmentAccess access, SheetNotifier notifier, OutboxProcessor outbox, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<IssueWarningCommand, WarningDto>
{
    public async ValueTask<WarningDto> Handle(IssueWarningCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken);
        scheme.EnsureAcceptsWarnings();
        if (!await db.Sheets.AnyAsync(s => s.SchemeId == scheme.Id && s.SubBranchId == command.SubBranchId, cancellationToken))
        {
            throw new ValidationFailedException("subBranchId", text["SubBranchNotInScheme"]);
        }

        var warning = Warning.Issue(
            scheme, command.SubBranchId, command.IndicatorId, command.Kind, command.Message, command.SubjectKind, command.SubjectId,
            access.User.RequireUserId(), access.User.DisplayName);
        db.Warnings.Add(warning);
        await notifier.ToSubBranchHeadsAsync(
            [new SubBranchNotice(
                command.SubBranchId,
                SheetNotifier.Text(command.Kind == WarningKind.Prompt ? "NotifyPromptTitle" : "NotifyWarningTitle", scheme.Name),
                SheetNotifier.Verbatim(warning.Message),
                SheetNotifier.SheetLink(scheme.Id, command.SubBranchId))],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await WarningProjection.Project(db, db.Warnings.AsNoTracking().Where(w => w.Id == warning.Id)).FirstAsync(cancellationToken);
    }
}

internal static class IssueWarningEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/warnings", async Task<Created<WarningDto>> (IssueWarningCommand command, ISender sender, CancellationToken ct) =>
            {
                var warning = await sender.Send(command, ct);
                return TypedResults.Created($"/api/assessment/warnings/{warning.Id}", warning);
            })
            .WithName("IssueWarning").WithSummary("Issues a manual warning or prompt (提示) to a sub-branch (supervisor).");
}
