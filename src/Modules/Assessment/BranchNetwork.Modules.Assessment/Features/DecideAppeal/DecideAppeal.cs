using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.DecideAppeal;

/// <summary>
/// AS-7: a supervisor accepts (a target appeal sets a new target; a score appeal grants an adjustment in
/// points) or rejects, always with reasons. The score is recomputed from the changed data; both sides are notified.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record DecideAppealCommand(Guid AppealId, bool Accept, string Reason, decimal? NewTarget, decimal? ScoreAdjustment, long Version) : ICommand<AppealDto>;

internal sealed class DecideAppealValidator : AbstractValidator<DecideAppealCommand>
{
    public DecideAppealValidator(IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage(text["DecisionNeedsReason"]).MaximumLength(Appeal.ReasonMaxLength);
        RuleFor(c => c.NewTarget).GreaterThan(0m).LessThan(1_000_000_000_000m).When(c => c.NewTarget is not null).WithMessage(text["TargetPositive"]);
        RuleFor(c => c.ScoreAdjustment).InclusiveBetween(-100m, 100m).When(c => c.ScoreAdjustment is not null)
            .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage(text["AdjustmentFormat"]);
        RuleFor(c => c.Version).GreaterThan(0);
    }
}

internal sealed class DecideAppealHandler(AssessmentDbContext db, AssessmentAccess access, SheetNotifier notifier, OutboxProcessor outbox, IClock clock, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<DecideAppealCommand, AppealDto>
{
    public async ValueTask<AppealDto> Handle(DecideAppealCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor);
        var appeal = await db.Appeals.FirstOrDefaultAsync(a => a.Id == command.AppealId, cancellationToken)
            ?? throw new NotFoundException("assessment.appeal_not_found", text["AppealNotFound"]);
        var scheme = await db.Schemes.AsNoTracking().Include(s => s.Indicators).FirstAsync(s => s.Id == appeal.SchemeId, cancellationToken);
        db.Entry(appeal).Property(a => a.Version).OriginalValue = command.Version;
        // Only the row an accepted appeal changes is loaded: the target cell, or the sheet for a score adjustment.
        var accepting = command.Accept && appeal.Status == AppealStatus.Pending && scheme.Status == SchemeStatus.Published;
        var cell = accepting && appeal.Kind == AppealKind.Target
            ? await db.Targets.FirstAsync(t => t.SchemeId == appeal.SchemeId && t.SubBranchId == appeal.SubBranchId && t.IndicatorId == appeal.IndicatorId, cancellationToken)
            : null;
        var sheet = accepting && appeal.Kind == AppealKind.Score
            ? await db.Sheets.FirstAsync(s => s.SchemeId == appeal.SchemeId && s.SubBranchId == appeal.SubBranchId, cancellationToken)
            : null;
        appeal.Decide(
            new AppealDecision(command.Accept, command.Reason, command.NewTarget, command.ScoreAdjustment, access.User.RequireUserId(), access.User.DisplayName),
            scheme, cell, sheet, clock);

        var heads = await notifier.SubBranchHeadsAsync([appeal.SubBranchId], cancellationToken);
        notifier.Send([new NotificationItem(
            [appeal.FiledById, .. heads.GetValueOrDefault(appeal.SubBranchId) ?? []],
            SheetNotifier.Text(command.Accept ? "NotifyAppealAcceptedTitle" : "NotifyAppealRejectedTitle", scheme.Name),
            SheetNotifier.Verbatim(appeal.DecisionReason!),
            SheetNotifier.SheetLink(appeal.SchemeId, appeal.SubBranchId))]);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("concurrency_conflict", text["AppealChangedMeanwhile"]);
        }

        outbox.Wake();
        return await AppealProjection.Project(db, db.Appeals.AsNoTracking().Where(a => a.Id == appeal.Id)).FirstAsync(cancellationToken);
    }
}

internal static class DecideAppealEndpoint
{
    internal sealed record DecideAppealBody(bool Accept, string Reason, decimal? NewTarget, decimal? ScoreAdjustment, long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/appeals/{id:guid}/decide", async Task<Ok<AppealDto>> (Guid id, DecideAppealBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DecideAppealCommand(id, body.Accept, body.Reason, body.NewTarget, body.ScoreAdjustment, body.Version), ct)))
            .WithName("DecideAppeal").WithSummary("Accepts (new target or score adjustment) or rejects an appeal, with reasons (supervisor).");
}
