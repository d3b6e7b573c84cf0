using System.Text.RegularExpressions;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.CreateIndicator;

/// <summary>AS-1: adds an indicator to the library (TaskAdmin).</summary>
[AllowedRoles(BankRoles.TaskAdmin)]
internal sealed record CreateIndicatorCommand(
    string Code,
    string Name,
    Guid? BusinessLineId,
    string Unit,
    IndicatorDirection Direction,
    IndicatorDataSource DataSource,
    string? ComputedSourceKey,
    ScoringRuleKind RuleKind,
    decimal? Cap,
    decimal? Floor,
    decimal? MinimumCompletion,
    IReadOnlyList<ScoreBandInput>? Bands,
    bool AllowSubBranchEntry,
    string? Description) : ICommand<IndicatorDto>;

internal sealed partial class CreateIndicatorValidator : AbstractValidator<CreateIndicatorCommand>
{
    public CreateIndicatorValidator(AssessmentDbContext db, IOrganisationDirectory directory, IEnumerable<IComputedIndicatorSource> sources, IStringLocalizer<AssessmentText> text)
    {
        var keys = sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        // Stop at the first failure: a code the pattern refuses (a NUL in it) must never reach the uniqueness query,
        // which PostgreSQL answers with an error (500) for a NUL.
        RuleFor(c => c.Code).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(Indicator.CodeMaxLength)
            .Matches(CodePattern()).WithMessage(text["IndicatorCodeFormat"])
            .MustAsync(async (code, ct) => !await db.Indicators.AnyAsync(i => i.Code == code, ct)).WithMessage(text["IndicatorCodeTaken"])
            .NoControlCharacters();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Indicator.NameMaxLength).NoControlCharacters();
        RuleFor(c => c.Unit).NotEmpty().MaximumLength(Indicator.UnitMaxLength).NoControlCharacters();
        RuleFor(c => c.Description).MaximumLength(Indicator.DescriptionMaxLength);
        RuleFor(c => c.Direction).IsInEnum();
        RuleFor(c => c.DataSource).IsInEnum();
        RuleFor(c => c.RuleKind).IsInEnum();
        RuleFor(c => c.ComputedSourceKey)
            .Must(k => k is not null && keys.Contains(k)).When(c => c.DataSource == IndicatorDataSource.Computed).WithMessage(text["ComputedSourceUnknown"]);
        RuleFor(c => c.ComputedSourceKey).NoControlCharacters();
        RuleFor(c => c.BusinessLineId)
            .MustAsync(async (id, ct) => id is null || await directory.FindUnitAsync(id.Value, ct) is { Kind: OrgUnitKind.BusinessLine, IsRetired: false })
            .WithMessage(text["BusinessLineUnknown"]);
        RuleFor(c => c.Cap).InclusiveBetween(1m, 5m).When(c => c.Cap is not null).WithMessage(text["CapRange"]);
        RuleFor(c => c.Floor).InclusiveBetween(0m, 1m).When(c => c.Floor is not null).WithMessage(text["FloorRange"]);
        RuleFor(c => c.MinimumCompletion)
            .NotNull().WithMessage(text["ThresholdNeedsMinimum"])
            .InclusiveBetween(0.01m, 5m).WithMessage(text["ThresholdNeedsMinimum"])
            .When(c => c.RuleKind == ScoringRuleKind.Threshold);
        RuleFor(c => c.Bands)
            .Cascade(CascadeMode.Stop)
            .Must(b => b is { Count: > 0 and <= 10 } && b.All(x => x is not null)).WithMessage(text["BandsRequired"])
            .Must(b => b is null || b.Select(x => x.MinCompletion).Distinct().Count() == b.Count).WithMessage(text["BandsDistinct"])
            .Must(b => b is null || b.All(x => x.MinCompletion is >= 0m and <= 5m && x.Factor is >= 0m and <= 5m)).WithMessage(text["BandsRange"])
            .When(c => c.RuleKind == ScoringRuleKind.Banded);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex CodePattern();
}

internal sealed class CreateIndicatorHandler(AssessmentDbContext db, ICurrentUser user) : ICommandHandler<CreateIndicatorCommand, IndicatorDto>
{
    public async ValueTask<IndicatorDto> Handle(CreateIndicatorCommand command, CancellationToken cancellationToken)
    {
        user.EnsureAnyRole(BankRoles.TaskAdmin);
        var indicator = new Indicator
        {
            Code = command.Code.Trim(),
            Name = command.Name.Trim(),
            BusinessLineId = command.BusinessLineId,
            Unit = command.Unit.Trim(),
            Direction = command.Direction,
            DataSource = command.DataSource,
            ComputedSourceKey = command.DataSource == IndicatorDataSource.Computed ? command.ComputedSourceKey : null,
            RuleKind = command.RuleKind,
            RuleCap = command.Cap ?? ScoringRule.DefaultCap,
            RuleFloor = command.Floor ?? 0m,
            RuleMinimumCompletion = command.RuleKind == ScoringRuleKind.Threshold ? command.MinimumCompletion : null,
            RuleBands = command.RuleKind == ScoringRuleKind.Banded && command.Bands is not null
                ? ScoringRule.FormatBands(command.Bands.Select(b => new ScoreBand(b.MinCompletion, b.Factor)))
                : null,
            AllowSubBranchEntry = command.AllowSubBranchEntry,
            Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim(),
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return IndicatorDto.From(indicator);
    }
}

internal static class CreateIndicatorEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/indicators", async Task<Created<IndicatorDto>> (CreateIndicatorCommand command, ISender sender, CancellationToken ct) =>
            {
                var indicator = await sender.Send(command, ct);
                return TypedResults.Created($"/api/assessment/indicators/{indicator.Id}", indicator);
            })
            .WithName("CreateIndicator").WithSummary("Adds an indicator (TaskAdmin).");
}
