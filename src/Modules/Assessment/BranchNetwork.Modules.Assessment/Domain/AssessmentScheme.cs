using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>考核方案 (AS-2): a period, weighted indicators and grade bands, issued to every sub-branch.</summary>
internal sealed class AssessmentScheme : Entity
{
    public const int NameMaxLength = 100;

    public required string Name { get; set; }

    public PeriodKind PeriodKind { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public SchemeKind Kind { get; set; }

    /// <summary>The business line of a special (专项) scheme.</summary>
    public Guid? BusinessLineId { get; set; }

    public SchemeStatus Status { get; set; }

    /// <summary>Grade bands on the total score: 优秀 ≥ Excellent, 良好 ≥ Good, 一般 ≥ Fair, otherwise 不合格.</summary>
    public decimal ExcellentFrom { get; set; } = 90m;

    public decimal GoodFrom { get; set; } = 75m;

    public decimal FairFrom { get; set; } = 60m;

    /// <summary>"Behind" means completion below time progress minus this many percentage points.</summary>
    public decimal BehindMarginPoints { get; set; } = 10m;

    public Guid CreatedById { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public List<SchemeIndicator> Indicators { get; set; } = [];

    public GradeBands Bands => new(ExcellentFrom, GoodFrom, FairFrom);

    public int PeriodDays => EndDate.DayNumber - StartDate.DayNumber + 1;

    /// <summary>Elapsed share of the period on <paramref name="today"/> (both ends count), between 0 and 1.</summary>
    public decimal TimeProgress(DateOnly today) =>
        Math.Clamp((decimal)(today.DayNumber - StartDate.DayNumber + 1) / PeriodDays, 0m, 1m);
}

/// <summary>An indicator on a scheme with its weight and a frozen copy of its scoring rule.</summary>
internal sealed class SchemeIndicator
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SchemeId { get; set; }

    public Guid IndicatorId { get; set; }

    /// <summary>Percent with two decimals; a scheme's weights sum to exactly 100.</summary>
    public decimal Weight { get; set; }

    public int SortOrder { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Unit { get; set; }

    public IndicatorDirection Direction { get; set; }

    public IndicatorDataSource DataSource { get; set; }

    public string? ComputedSourceKey { get; set; }

    public bool AllowSubBranchEntry { get; set; }

    public ScoringRuleKind RuleKind { get; set; }

    public decimal RuleCap { get; set; }

    public decimal RuleFloor { get; set; }

    public decimal? RuleMinimumCompletion { get; set; }

    public string? RuleBands { get; set; }

    public ScoringRule Rule => new(RuleKind, RuleCap, RuleFloor, RuleMinimumCompletion, ScoringRule.ParseBands(RuleBands));

    public void CopyFrom(Indicator indicator)
    {
        IndicatorId = indicator.Id;
        Code = indicator.Code;
        Name = indicator.Name;
        Unit = indicator.Unit;
        Direction = indicator.Direction;
        DataSource = indicator.DataSource;
        ComputedSourceKey = indicator.ComputedSourceKey;
        AllowSubBranchEntry = indicator.AllowSubBranchEntry;
        RuleKind = indicator.RuleKind;
        RuleCap = indicator.RuleCap;
        RuleFloor = indicator.RuleFloor;
        RuleMinimumCompletion = indicator.RuleMinimumCompletion;
        RuleBands = indicator.RuleBands;
    }
}

internal sealed record GradeBands(decimal ExcellentFrom, decimal GoodFrom, decimal FairFrom)
{
    public static readonly GradeBands Default = new(90m, 75m, 60m);

    public Grade GradeOf(decimal total) =>
        total >= ExcellentFrom ? Grade.Excellent : total >= GoodFrom ? Grade.Good : total >= FairFrom ? Grade.Fair : Grade.Unsatisfactory;
}
