using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Features.ListWarnings;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Assessment.Services;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.IssueWarning;

/// <summary>
/// A manual warning or prompt (提示) from a supervisor to a sub-branch of a published scheme, optionally about
/// one indicator or about a plan, task or log another module owns (<see cref="SubjectKind"/> + <see cref="SubjectId"/>).
/// </summary>
internal sealed record IssueWarningCommand(Guid SchemeId, Guid SubBranchId, Guid? IndicatorId, WarningKind Kind, string Message, string? SubjectKind, Guid? SubjectId)
    : ICommand<WarningDto>;

internal sealed class IssueWarningValidator : AbstractValidator<IssueWarningCommand>
{
    public static readonly string[] SubjectKinds = ["WorkPlan", "WeeklyTask", "WorkLog"];

    public IssueWarningValidator(IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Message).NotEmpty().MaximumLength(Warning.MessageMaxLength);
        RuleFor(c => c.SubjectKind).Must(k => k is null || SubjectKinds.Contains(k)).WithMessage(text["SubjectKindUnknown"]);
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
        if (scheme.Status != SchemeStatus.Published)
        {
            throw access.NotInStatus("WarningNeedsPublished");
        }

        if (!await db.Sheets.AnyAsync(s => s.SchemeId == scheme.Id && s.SubBranchId == command.SubBranchId, cancellationToken))
        {
            throw new ValidationFailedException("subBranchId", text["SubBranchNotInScheme"]);
        }

        var indicator = command.IndicatorId is { } id ? scheme.Indicators.FirstOrDefault(i => i.IndicatorId == id) : null;
        if (command.IndicatorId is not null && indicator is null)
        {
            throw new ValidationFailedException("indicatorId", text["IndicatorNotInScheme"]);
        }

        var warning = new Warning
        {
            SchemeId = scheme.Id,
            SubBranchId = command.SubBranchId,
            IndicatorId = command.IndicatorId,
            Kind = command.Kind,
            Message = command.Message.Trim(),
            SubjectKind = command.SubjectKind,
            SubjectId = command.SubjectId,
            Status = WarningStatus.Open,
            IssuedById = access.User.RequireUserId(),
            IssuedByName = access.User.UserName,
        };
        db.Warnings.Add(warning);
        var title = string.Format(CultureInfo.CurrentCulture, text[command.Kind == WarningKind.Prompt ? "NotifyPromptTitle" : "NotifyWarningTitle"], scheme.Name);
        await notifier.ToSubBranchHeadsAsync(command.SubBranchId, title, Truncate(warning.Message), SheetNotifier.SheetLink(scheme.Id, command.SubBranchId), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await WarningProjection.Project(db, db.Warnings.AsNoTracking().Where(w => w.Id == warning.Id)).FirstAsync(cancellationToken);
    }

    internal static string Truncate(string body) => body.Length <= 500 ? body : body[..497] + "…";
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
