using System.Globalization;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.Modules.Tasks.Resources;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Tasks.Features.RevisePlan;

internal sealed record MilestoneInput(DateOnly Date, decimal ExpectedValue, string? Note);

/// <summary>One measure as the editor sends it; <see cref="Id"/> names an existing measure (omit it to add one).</summary>
internal sealed record MeasureInput(
    Guid? Id,
    Guid IndicatorId,
    string Title,
    string? Description,
    Guid? OwnerId,
    string OwnerName,
    IReadOnlyList<MilestoneInput>? Milestones,
    string? ContingencyTrigger,
    string? ContingencyActions);

/// <summary>
/// The head replaces the working copy of a draft or returned plan (TK-1): measures left out are removed.
/// <see cref="Version"/> is the plan version the editor read: a stale one is a 409, so two editors never overwrite each other.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead)]
internal sealed record RevisePlanCommand(Guid PlanId, IReadOnlyList<MeasureInput> Measures, long Version) : ICommand<PlanDetail>;

internal sealed class RevisePlanValidator : AbstractValidator<RevisePlanCommand>
{

    public RevisePlanValidator(IStringLocalizer<TasksText> text)
    {
        RuleFor(c => c.Version).GreaterThan(0);
        RuleFor(c => c.Measures).NotNull().Must(m => m is null || m.Count <= WorkPlan.MaxMeasures)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, text["TooManyMeasures"], WorkPlan.MaxMeasures));
        RuleForEach(c => c.Measures).NotNull().ChildRules(m =>
        {
            m.RuleFor(x => x.IndicatorId).NotEmpty();
            m.RuleFor(x => x.Title).NotEmpty().MaximumLength(PlanMeasure.TitleMaxLength).NoControlCharacters();
            m.RuleFor(x => x.Description).MaximumLength(PlanMeasure.DescriptionMaxLength);
            m.RuleFor(x => x.OwnerName).NotEmpty().MaximumLength(PlanMeasure.OwnerNameMaxLength).NoControlCharacters();
            m.RuleFor(x => x.Milestones).Must(x => x is null || x.Count <= PlanMeasure.MaxMilestones)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, text["TooManyMilestones"], PlanMeasure.MaxMilestones));
            m.RuleForEach(x => x.Milestones).NotNull().ChildRules(s =>
            {
                s.RuleFor(x => x.ExpectedValue).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m);
                s.RuleFor(x => x.Note).MaximumLength(PlanMeasure.MilestoneNoteMaxLength).PlainLines();
            });
            m.RuleFor(x => x.ContingencyTrigger).MaximumLength(PlanMeasure.ContingencyMaxLength).PlainLines();
            m.RuleFor(x => x.ContingencyActions).MaximumLength(PlanMeasure.ContingencyMaxLength).PlainLines();
            // 应急预案: a trigger without actions (or actions without a trigger) is no plan at all.
            m.RuleFor(x => x.ContingencyActions)
                .Must((x, actions) => string.IsNullOrWhiteSpace(x.ContingencyTrigger) == string.IsNullOrWhiteSpace(actions))
                .WithMessage(_ => text["ContingencyBothOrNeither"]);
        });
    }
}

internal sealed class RevisePlanHandler(TasksDbContext db, PlanStore store, IStringLocalizer<TasksText> text)
    : ICommandHandler<RevisePlanCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(RevisePlanCommand command, CancellationToken cancellationToken)
    {
        var plan = await store.OwnedByHeadAsync(command.PlanId, cancellationToken);
        var sheet = await store.SheetAsync(plan, cancellationToken);
        var indicators = sheet.Indicators.Select(i => i.IndicatorId).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        for (var n = 0; n < command.Measures.Count; n++)
        {
            var measure = command.Measures[n];
            if (!indicators.Contains(measure.IndicatorId))
            {
                errors[$"measures[{n}].indicatorId"] = [text["IndicatorNotOnSheet"]];
            }

            var milestones = measure.Milestones ?? [];
            for (var k = 0; k < milestones.Count; k++)
            {
                if (milestones[k].Date < sheet.StartDate || milestones[k].Date > sheet.EndDate)
                {
                    errors[$"measures[{n}].milestones[{k}].date"] = [string.Format(CultureInfo.CurrentCulture, text["MilestoneOutsidePeriod"], Day(sheet.StartDate), Day(sheet.EndDate))];
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        db.Entry(plan).Property(p => p.Version).OriginalValue = command.Version;
        var before = plan.Measures.Select(m => m.Id).ToHashSet();
        var removed = plan.ReviseMeasures([.. command.Measures.Select(m => new MeasureDraft(
            m.Id, m.IndicatorId, m.Title, m.Description, m.OwnerId, m.OwnerName,
            [.. (m.Milestones ?? []).Select(s => new MilestoneDraft(s.Date, s.ExpectedValue, s.Note))],
            m.ContingencyTrigger, m.ContingencyActions))]);
        // New measures carry their id already, so change tracking would take them for existing rows; removed ones
        // are deleted, not orphaned (the relationship restricts cascades).
        foreach (var added in plan.Measures.Where(m => !before.Contains(m.Id)))
        {
            db.Entry(added).State = EntityState.Added;
        }

        db.Measures.RemoveRange(removed);
        // Measures changed alone would not touch the plan row: bump it so the version check always runs.
        db.Entry(plan).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("concurrency_conflict", text["PlanChangedMeanwhile"]);
        }

        return await store.DetailAsync(plan.Id, cancellationToken);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal static class RevisePlanEndpoint
{
    internal sealed record RevisePlanBody(IReadOnlyList<MeasureInput> Measures, long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/plans/{id:guid}", async Task<Ok<PlanDetail>> (Guid id, RevisePlanBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RevisePlanCommand(id, body.Measures, body.Version), ct)))
            .WithName("RevisePlan").WithSummary("The sub-branch head replaces the measures of a draft or returned plan; 409 when the version is stale.");
}
