using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.Shared;

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
        RuleFor(c => c.Name).NotEmpty().MaximumLength(AssessmentScheme.NameMaxLength).NoControlCharacters();
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
        // The sum rule itself is the scheme's (AssessmentScheme.SetIndicators); checked here too so every field error comes back at once.
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

internal static class SchemeDefinitions
{
    /// <summary>The validated definition as the scheme's terms (end date derived for fixed periods, default bands and margin).</summary>
    public static SchemeTerms Terms(ISchemeDefinition definition) => new(
        definition.Name,
        definition.PeriodKind,
        definition.StartDate,
        SchemePeriod.EndFor(definition.PeriodKind, definition.StartDate, definition.EndDate)!.Value,
        definition.Kind,
        definition.BusinessLineId,
        definition.GradeBands is { } b ? new GradeBands(b.Excellent, b.Good, b.Fair) : GradeBands.Default,
        definition.BehindMarginPoints ?? AssessmentScheme.DefaultBehindMarginPoints);

    /// <summary>Puts the definition's indicators on the draft (the scheme checks the weights) and stores the rows that came and went.</summary>
    public static async Task SetIndicatorsAsync(AssessmentDbContext db, AssessmentScheme scheme, ISchemeDefinition definition, CancellationToken ct)
    {
        var ids = definition.Indicators.Select(i => i.IndicatorId).ToList();
        var library = await db.Indicators.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var (added, removed) = scheme.SetIndicators(definition.Indicators.Select(i => (library[i.IndicatorId], i.Weight)).ToList());
        // Explicitly new: found through the navigation with its key already set, EF would take it for an existing row.
        db.SchemeIndicators.AddRange(added);
        foreach (var line in removed)
        {
            db.SchemeIndicators.Remove(line);
            db.Targets.RemoveRange(await db.Targets.Where(t => t.SchemeId == scheme.Id && t.IndicatorId == line.IndicatorId).ToListAsync(ct));
        }
    }
}
