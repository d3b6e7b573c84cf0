namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>
/// 考核指标 (AS-1): what is measured, in which unit, which way is better, and how it scores. Fixed once created
/// (schemes copy its rule); its one transition is Active → (Retire) → Retired.
/// </summary>
internal sealed class Indicator : Entity
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;
    public const int UnitMaxLength = 16;
    public const int SourceKeyMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>The 条线 that owns it; null for indicators every line shares.</summary>
    public Guid? BusinessLineId { get; init; }

    public required string Unit { get; init; }

    public IndicatorDirection Direction { get; init; }

    public IndicatorDataSource DataSource { get; init; }

    /// <summary>Key of the registered <c>IComputedIndicatorSource</c> when <see cref="DataSource"/> is Computed.</summary>
    public string? ComputedSourceKey { get; init; }

    public ScoringRuleKind RuleKind { get; init; }

    public decimal RuleCap { get; init; } = ScoringRule.DefaultCap;

    public decimal RuleFloor { get; init; }

    public decimal? RuleMinimumCompletion { get; init; }

    /// <summary>Bands of the banded rule, see <see cref="ScoringRule.FormatBands"/>.</summary>
    public string? RuleBands { get; init; }

    /// <summary>Whether a sub-branch head may enter progress for their own sub-branch (otherwise head office only).</summary>
    public bool AllowSubBranchEntry { get; init; }

    public string? Description { get; init; }

    /// <summary>Retired indicators stay on the schemes that used them but cannot be added to new ones.</summary>
    public bool IsRetired { get; private set; }

    /// <summary>Retired indicators stay where they are used; retiring twice changes nothing.</summary>
    public void Retire() => IsRetired = true;

    public ScoringRule Rule => new(RuleKind, RuleCap, RuleFloor, RuleMinimumCompletion, ScoringRule.ParseBands(RuleBands));
}
