using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Features.GetScheme;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.CreateScheme;

internal sealed record WeightedIndicatorInput(Guid IndicatorId, decimal Weight);

internal sealed record GradeBandsInput(decimal Excellent, decimal Good, decimal Fair);

/// <summary>What a TaskAdmin defines for a scheme; shared by create and update.</summary>
internal interface ISchemeDefinition
{
    string Name { get; }

    PeriodKind PeriodKind { get; }

    DateOnly StartDate { get; }

    DateOnly? EndDate { get; }

    SchemeKind Kind { get; }

    Guid? BusinessLineId { get; }

    IReadOnlyList<WeightedIndicatorInput> Indicators { get; }

    GradeBandsInput? GradeBands { get; }

    decimal? BehindMarginPoints { get; }
}

/// <summary>AS-2: a draft scheme (TaskAdmin). For quarter, half-year and year the end date follows from the start.</summary>
internal sealed record CreateSchemeCommand(
    string Name,
    PeriodKind PeriodKind,
    DateOnly StartDate,
    DateOnly? EndDate,
    SchemeKind Kind,
    Guid? BusinessLineId,
    IReadOnlyList<WeightedIndicatorInput> Indicators,
    GradeBandsInput? GradeBands,
    decimal? BehindMarginPoints) : ICommand<SchemeDetail>, ISchemeDefinition;

internal static class SchemePeriod
{
    /// <summary>The period's last day, or null when the start does not begin such a period (quarters start 1 Jan/Apr/Jul/Oct, halves 1 Jan/Jul, years 1 Jan).</summary>
    public static DateOnly? EndFor(PeriodKind kind, DateOnly start, DateOnly? requestedEnd) => start.Year is < 2000 or > 2100 ? null : kind switch
    {
        PeriodKind.Quarter when start.Day == 1 && (start.Month - 1) % 3 == 0 => start.AddMonths(3).AddDays(-1),
        PeriodKind.HalfYear when start.Day == 1 && (start.Month == 1 || start.Month == 7) => start.AddMonths(6).AddDays(-1),
        PeriodKind.Year when start.Day == 1 && start.Month == 1 => start.AddYears(1).AddDays(-1),
        PeriodKind.Custom when requestedEnd is { } end && end >= start && end <= start.AddYears(3) => end,
        _ => null,
    };
}

internal abstract class SchemeDefinitionValidator<T> : AbstractValidator<T>
    where T : ISchemeDefinition
{
    protected SchemeDefinitionValidator(AssessmentDbContext db, IOrganisationDirectory directory, IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(AssessmentScheme.NameMaxLength);
        RuleFor(c => c.PeriodKind).IsInEnum();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.StartDate).Must(d => d.Year is >= 2000 and <= 2100).WithMessage(text["PeriodInvalid"]);
        RuleFor(c => c.EndDate)
            .Must((c, end) => SchemePeriod.EndFor(c.PeriodKind, c.StartDate, end) is { } derived && (end is null || end == derived))
            .WithMessage(text["PeriodInvalid"]);
        RuleFor(c => c.BusinessLineId)
            .NotNull().WithMessage(text["SpecialNeedsBusinessLine"])
            .When(c => c.Kind == SchemeKind.Special);
        RuleFor(c => c.BusinessLineId)
            .MustAsync(async (id, ct) => id is null || await directory.FindUnitAsync(id.Value, ct) is { Kind: OrgUnitKind.BusinessLine, IsRetired: false })
            .WithMessage(text["BusinessLineUnknown"]);
        RuleFor(c => c.Indicators).NotNull().Must(i => i is { Count: > 0 and <= 50 } && i.All(x => x is not null)).WithMessage(text["IndicatorsRequired"]);
        RuleFor(c => c.Indicators)
            .Must(list => list.Select(i => i.IndicatorId).Distinct().Count() == list.Count).WithMessage(text["IndicatorDuplicate"])
            .Must(list => list.All(i => i.Weight is > 0m and <= 100m && decimal.Round(i.Weight, 2) == i.Weight)).WithMessage(text["WeightFormat"])
            .Must(list => list.Sum(i => i.Weight) == 100m).WithMessage((_, list) => string.Format(System.Globalization.CultureInfo.CurrentCulture, text["WeightsSum"], list.Sum(i => i.Weight)))
            .When(c => c.Indicators is { Count: > 0 } && c.Indicators.All(i => i is not null));
        RuleFor(c => c.Indicators)
            .CustomAsync(async (list, context, ct) =>
            {
                var ids = list.Select(i => i.IndicatorId).ToList();
                var found = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
                for (var n = 0; n < list.Count; n++)
                {
                    if (!found.TryGetValue(list[n].IndicatorId, out var indicator) || indicator.IsRetired)
                    {
                        context.AddFailure($"indicators[{n}].indicatorId", text["IndicatorNotFound"]);
                    }
                    else if (context.InstanceToValidate.Kind == SchemeKind.Special && indicator.BusinessLineId is { } line && line != context.InstanceToValidate.BusinessLineId)
                    {
                        context.AddFailure($"indicators[{n}].indicatorId", text["IndicatorOtherLine"]);
                    }
                }
            })
            .When(c => c.Indicators is { Count: > 0 } && c.Indicators.All(i => i is not null));
        RuleFor(c => c.GradeBands)
            .Must(b => b is null || (b.Fair > 0m && b.Fair < b.Good && b.Good < b.Excellent && b.Excellent <= 200m))
            .WithMessage(text["GradeBandsOrder"]);
        RuleFor(c => c.BehindMarginPoints).InclusiveBetween(0m, 100m).When(c => c.BehindMarginPoints is not null);
    }
}

internal sealed class CreateSchemeValidator(AssessmentDbContext db, IOrganisationDirectory directory, IStringLocalizer<AssessmentText> text)
    : SchemeDefinitionValidator<CreateSchemeCommand>(db, directory, text);

internal static class SchemeDefinitionApplier
{
    /// <summary>Writes a validated definition onto a draft, replacing its indicators and copying their current rules.</summary>
    public static async Task ApplyAsync(AssessmentDbContext db, AssessmentScheme scheme, ISchemeDefinition definition, CancellationToken ct)
    {
        scheme.Name = definition.Name.Trim();
        scheme.PeriodKind = definition.PeriodKind;
        scheme.StartDate = definition.StartDate;
        scheme.EndDate = SchemePeriod.EndFor(definition.PeriodKind, definition.StartDate, definition.EndDate)!.Value;
        scheme.Kind = definition.Kind;
        scheme.BusinessLineId = definition.Kind == SchemeKind.Special ? definition.BusinessLineId : null;
        var bands = definition.GradeBands;
        scheme.ExcellentFrom = bands?.Excellent ?? GradeBands.Default.ExcellentFrom;
        scheme.GoodFrom = bands?.Good ?? GradeBands.Default.GoodFrom;
        scheme.FairFrom = bands?.Fair ?? GradeBands.Default.FairFrom;
        scheme.BehindMarginPoints = definition.BehindMarginPoints ?? 10m;

        var ids = definition.Indicators.Select(i => i.IndicatorId).ToList();
        var indicators = await db.Indicators.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var kept = new HashSet<Guid>();
        for (var n = 0; n < definition.Indicators.Count; n++)
        {
            var input = definition.Indicators[n];
            var line = scheme.Indicators.FirstOrDefault(si => si.IndicatorId == input.IndicatorId);
            if (line is null)
            {
                line = new SchemeIndicator { SchemeId = scheme.Id, Code = "", Name = "", Unit = "" };
                scheme.Indicators.Add(line);
                // Explicitly new: found through the navigation with its key already set, EF would take it for an existing row.
                db.SchemeIndicators.Add(line);
            }

            line.CopyFrom(indicators[input.IndicatorId]);
            line.Weight = input.Weight;
            line.SortOrder = n;
            kept.Add(input.IndicatorId);
        }

        foreach (var removed in scheme.Indicators.Where(si => !kept.Contains(si.IndicatorId)).ToList())
        {
            scheme.Indicators.Remove(removed);
            db.SchemeIndicators.Remove(removed);
            db.Targets.RemoveRange(await db.Targets.Where(t => t.SchemeId == scheme.Id && t.IndicatorId == removed.IndicatorId).ToListAsync(ct));
        }
    }
}

internal sealed class CreateSchemeHandler(AssessmentDbContext db, ICurrentUser user, SchemeDetailReader details) : ICommandHandler<CreateSchemeCommand, SchemeDetail>
{
    public async ValueTask<SchemeDetail> Handle(CreateSchemeCommand command, CancellationToken cancellationToken)
    {
        user.EnsureAnyRole(BankRoles.TaskAdmin);
        var scheme = new AssessmentScheme { Name = command.Name, Status = SchemeStatus.Draft, CreatedById = user.RequireUserId() };
        await SchemeDefinitionApplier.ApplyAsync(db, scheme, command, cancellationToken);
        db.Schemes.Add(scheme);
        // Every scheme starts with the spec's example rule: behind time progress by more than the margin.
        db.WarningRules.Add(new WarningRule { SchemeId = scheme.Id, Kind = WarningRuleKind.BehindTimeProgress, Threshold = scheme.BehindMarginPoints });
        await db.SaveChangesAsync(cancellationToken);
        return await details.ReadAsync(scheme.Id, cancellationToken);
    }
}
