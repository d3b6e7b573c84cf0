using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>考核指标 (AS-1): what is measured, in which unit, which way is better, and how it scores.</summary>
internal sealed class Indicator : Entity
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;
    public const int UnitMaxLength = 16;
    public const int SourceKeyMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The 条线 that owns it; null for indicators every line shares.</summary>
    public Guid? BusinessLineId { get; set; }

    public required string Unit { get; set; }

    public IndicatorDirection Direction { get; set; }

    public IndicatorDataSource DataSource { get; set; }

    /// <summary>Key of the registered <c>IComputedIndicatorSource</c> when <see cref="DataSource"/> is Computed.</summary>
    public string? ComputedSourceKey { get; set; }

    public ScoringRuleKind RuleKind { get; set; }

    public decimal RuleCap { get; set; } = ScoringRule.DefaultCap;

    public decimal RuleFloor { get; set; }

    public decimal? RuleMinimumCompletion { get; set; }

    /// <summary>Bands of the banded rule, see <see cref="ScoringRule.FormatBands"/>.</summary>
    public string? RuleBands { get; set; }

    /// <summary>Whether a sub-branch head may enter progress for their own sub-branch (otherwise head office only).</summary>
    public bool AllowSubBranchEntry { get; set; }

    public string? Description { get; set; }

    /// <summary>Retired indicators stay on the schemes that used them but cannot be added to new ones.</summary>
    public bool IsRetired { get; set; }

    public ScoringRule Rule => new(RuleKind, RuleCap, RuleFloor, RuleMinimumCompletion, ScoringRule.ParseBands(RuleBands));
}
