namespace BranchNetwork.Modules.Assessment.Features.Shared;

internal sealed record ScoreBandInput(decimal MinCompletion, decimal Factor);

internal sealed record IndicatorDto(
    Guid Id,
    string Code,
    string Name,
    Guid? BusinessLineId,
    string Unit,
    IndicatorDirection Direction,
    IndicatorDataSource DataSource,
    string? ComputedSourceKey,
    ScoringRuleKind RuleKind,
    decimal Cap,
    decimal Floor,
    decimal? MinimumCompletion,
    IReadOnlyList<ScoreBandInput> Bands,
    bool AllowSubBranchEntry,
    string? Description,
    bool IsRetired,
    long Version)
{
    public static IndicatorDto From(Indicator i) => new(
        i.Id, i.Code, i.Name, i.BusinessLineId, i.Unit, i.Direction, i.DataSource, i.ComputedSourceKey, i.RuleKind, i.RuleCap, i.RuleFloor,
        i.RuleMinimumCompletion, ScoringRule.ParseBands(i.RuleBands).Select(b => new ScoreBandInput(b.MinCompletion, b.Factor)).ToList(),
        i.AllowSubBranchEntry, i.Description, i.IsRetired, i.Version);
}
