using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.FileAppeal;

/// <summary>AS-7: a sub-branch head disputes a target (of one indicator) or the score of their own sheet, with reasons.</summary>
[AllowedRoles(BankRoles.SubBranchHead)]
internal sealed record FileAppealCommand(Guid SchemeId, Guid SubBranchId, AppealKind Kind, Guid? IndicatorId, string Reason, decimal? RequestedValue) : ICommand<AppealDto>;

internal sealed class FileAppealValidator : AbstractValidator<FileAppealCommand>
{
    public FileAppealValidator(IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().WithMessage(text["AppealNeedsReason"]).MaximumLength(Appeal.ReasonMaxLength);
        RuleFor(c => c.IndicatorId).NotNull().When(c => c.Kind == AppealKind.Target).WithMessage(text["AppealTargetNeedsIndicator"]);
        RuleFor(c => c.RequestedValue).GreaterThan(0m).LessThan(1_000_000_000_000m).When(c => c.Kind == AppealKind.Target && c.RequestedValue is not null).WithMessage(text["TargetPositive"]);
        RuleFor(c => c.RequestedValue).InclusiveBetween(-100m, 100m).When(c => c.Kind == AppealKind.Score && c.RequestedValue is not null);
    }
}

internal sealed class FileAppealHandler(AssessmentDbContext db, AssessmentAccess access, SheetNotifier notifier, OutboxProcessor outbox, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<FileAppealCommand, AppealDto>
{
    public async ValueTask<AppealDto> Handle(FileAppealCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.SubBranchHead);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken);
        if (await access.OwnSubBranchAsync(cancellationToken) != command.SubBranchId)
        {
            throw new NotFoundException("assessment.sheet_not_found", text["SheetNotFound"]);
        }

        var appeal = Appeal.File(
            scheme, command.SubBranchId, command.Kind, command.IndicatorId, command.Reason, command.RequestedValue, access.User.RequireUserId(), access.User.DisplayName);
        db.Appeals.Add(appeal);
        var sheet = await db.Sheets.AsNoTracking().FirstAsync(s => s.SchemeId == scheme.Id && s.SubBranchId == command.SubBranchId, cancellationToken);
        await notifier.ToRoleAsync(
            BankRoles.HeadOfficeSupervisor,
            SheetNotifier.Text("NotifyAppealFiledTitle", sheet.SubBranchName),
            SheetNotifier.Verbatim(appeal.Reason),
            SheetNotifier.SheetLink(scheme.Id, command.SubBranchId),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await AppealProjection.Project(db, db.Appeals.AsNoTracking().Where(a => a.Id == appeal.Id)).FirstAsync(cancellationToken);
    }
}

internal static class FileAppealEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/appeals", async Task<Created<AppealDto>> (FileAppealCommand command, ISender sender, CancellationToken ct) =>
            {
                var appeal = await sender.Send(command, ct);
                return TypedResults.Created($"/api/assessment/appeals/{appeal.Id}", appeal);
            })
            .WithName("FileAppeal").WithSummary("Files an appeal (申辩) against a target or the score of the caller's own sheet (sub-branch head).");
}
