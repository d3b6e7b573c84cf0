using BranchNetwork.Modules.Assessment.Domain;

namespace BranchNetwork.UnitTests.Assessment;

[Trait("Spec", "AS-8")]
public sealed class ScoringEngineTests
{
    private static readonly Guid Fans = Guid.NewGuid();
    private static readonly Guid Content = Guid.NewGuid();
    private static readonly Guid Interaction = Guid.NewGuid();
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    private static ScoringIndicator Ratio(Guid id, decimal weight, IndicatorDirection direction = IndicatorDirection.HigherIsBetter) =>
        new(id, weight, direction, ScoringRule.Default);

    private static ScoringSheet Sheet(Guid subBranch, params (Guid Indicator, decimal Target, decimal? Actual)[] cells) =>
        new(subBranch, 0m, cells.Select(c => new ScoringCell(c.Indicator, c.Target, c.Actual)).ToList());

    /// <summary>
    /// Seed 001 (社群运营部门考核方案): 粉丝 40 %, 内容质量 30 %, 互动效果 20 %, 销售业绩 10 %. Hand-computed:
    /// <code>
    ///        粉丝 (1000)     内容 (80)      互动 (50)      销售 (200)          total  grade  rank
    ///   A    1100 → 44.00   80 → 30.00     40 → 16.00     300 → 1.5→1.2 12   102.00 优秀    1
    ///   B     900 → 36.00   60 → 22.50     50 → 20.00     150 → 7.50          86.00 良好    2
    ///   C     800 → 32.00   72 → 27.00     45 → 18.00     180 → 9.00          86.00 良好    2
    ///   D     500 → 20.00   40 → 15.00      0 →  0.00     none → 0            35.00 不合格  4
    /// </code>
    /// </summary>
    [Fact]
    public void The_seed_001_weights_score_grade_and_rank_four_sub_branches_as_computed_by_hand()
    {
        IReadOnlyList<ScoringIndicator> indicators = [Ratio(Fans, 40m), Ratio(Content, 30m), Ratio(Interaction, 20m), Ratio(Sales, 10m)];
        var sheets = new[]
        {
            Sheet(A, (Fans, 1000m, 1100m), (Content, 80m, 80m), (Interaction, 50m, 40m), (Sales, 200m, 300m)),
            Sheet(B, (Fans, 1000m, 900m), (Content, 80m, 60m), (Interaction, 50m, 50m), (Sales, 200m, 150m)),
            Sheet(C, (Fans, 1000m, 800m), (Content, 80m, 72m), (Interaction, 50m, 45m), (Sales, 200m, 180m)),
            Sheet(D, (Fans, 1000m, 500m), (Content, 80m, 40m), (Interaction, 50m, 0m), (Sales, 200m, null)),
        };

        var scored = ScoringEngine.Score(indicators, sheets, GradeBands.Default, timeProgress: 0.5m, behindMarginPoints: 10m).ToDictionary(s => s.SubBranchId);

        Assert.Equal([44.00m, 30.00m, 16.00m, 12.00m], scored[A].Cells.Select(c => c.Score));
        Assert.Equal([36.00m, 22.50m, 20.00m, 7.50m], scored[B].Cells.Select(c => c.Score));
        Assert.Equal((102.00m, Grade.Excellent, 1), (scored[A].Total, scored[A].Grade, scored[A].Rank));
        Assert.Equal((86.00m, Grade.Good, 2), (scored[B].Total, scored[B].Grade, scored[B].Rank));
        Assert.Equal((86.00m, Grade.Good, 2), (scored[C].Total, scored[C].Grade, scored[C].Rank));
        Assert.Equal((35.00m, Grade.Unsatisfactory, 4), (scored[D].Total, scored[D].Grade, scored[D].Rank));
        Assert.Equal(1.5m, scored[A].Cells[3].Completion);

        // D's weighted completion (40×0.5 + 30×0.5)/100 = 0.35 is below time progress 0.5 − 10 points.
        Assert.Equal(0.35m, scored[D].Completion);
        Assert.True(scored[D].Behind);
        Assert.False(scored[B].Behind);
        Assert.True(scored[D].Cells[2].Behind);
    }

    [Fact]
    public void Every_target_exactly_met_scores_exactly_100()
    {
        var scored = ScoringEngine.Score(
            [Ratio(Fans, 33.33m), Ratio(Content, 33.33m), Ratio(Interaction, 33.34m)],
            [Sheet(A, (Fans, 7m, 7m), (Content, 3m, 3m), (Interaction, 11m, 11m))],
            GradeBands.Default,
            1m,
            10m);
        Assert.Equal(100m, scored[0].Total);
    }

    [Theory]
    [InlineData(6, 4, 1.2)] // 6/4 = 1.5, capped
    [InlineData(6, 6, 1.0)]
    [InlineData(6, 12, 0.5)]
    [InlineData(6, 0, 1.2)] // nothing at all is the best result: the cap
    public void Lower_is_better_completion_is_target_over_actual_with_zero_capped(decimal target, decimal actual, decimal expectedFactor)
    {
        var completion = ScoringEngine.Completion(target, actual, IndicatorDirection.LowerIsBetter, ScoringRule.DefaultCap);
        Assert.Equal(expectedFactor, ScoringRule.Default.Factor(completion));
    }

    [Fact]
    public void No_progress_yet_is_zero_completion_in_either_direction()
    {
        Assert.Equal(0m, ScoringEngine.Completion(100m, null, IndicatorDirection.HigherIsBetter, 1.2m));
        Assert.Equal(0m, ScoringEngine.Completion(100m, null, IndicatorDirection.LowerIsBetter, 1.2m));
    }

    [Theory]
    [InlineData(0.59, 0)]
    [InlineData(0.6, 0.6)]
    [InlineData(0.95, 0.95)]
    [InlineData(1.5, 1.2)]
    public void The_threshold_rule_scores_nothing_below_its_minimum_completion(decimal completion, decimal expected)
    {
        var rule = new ScoringRule(ScoringRuleKind.Threshold, 1.2m, 0m, 0.6m, []);
        Assert.Equal(expected, rule.Factor(completion));
    }

    [Theory]
    [InlineData(0.59, 0)]
    [InlineData(0.7, 0.5)]
    [InlineData(0.95, 0.8)]
    [InlineData(1.0, 1.0)]
    [InlineData(1.3, 1.2)]
    public void The_banded_rule_pays_the_factor_of_the_highest_band_reached(decimal completion, decimal expected)
    {
        var bands = ScoringRule.ParseBands(ScoringRule.FormatBands([new(0.6m, 0.5m), new(1.2m, 1.2m), new(0.8m, 0.8m), new(1.0m, 1.0m)]));
        var rule = new ScoringRule(ScoringRuleKind.Banded, 1.2m, 0m, null, bands);
        Assert.Equal(expected, rule.Factor(completion));
    }

    [Fact]
    public void Indicator_scores_round_half_away_from_zero_to_two_decimals()
    {
        var scored = ScoringEngine.Score(
            [Ratio(Fans, 40m), Ratio(Content, 10m), Ratio(Interaction, 0.25m), Ratio(Sales, 49.75m)],
            [Sheet(A, (Fans, 3m, 1m), (Content, 3m, 2m), (Interaction, 2m, 1m), (Sales, 1m, 0m))],
            GradeBands.Default,
            1m,
            10m);
        // 40 × 1/3 = 13.333…; 10 × 2/3 = 6.666…; 0.25 × 0.5 = 0.125 (a midpoint: 0.13, not banker's 0.12).
        Assert.Equal([13.33m, 6.67m, 0.13m, 0m], scored[0].Cells.Select(c => c.Score));
        Assert.Equal(20.13m, scored[0].Total);
    }

    [Fact]
    public void Standard_competition_ranking_shares_a_rank_and_skips_the_next()
    {
        var sheets = new[] { 70m, 90m, 80m, 90m, 80m, 60m }
            .Select(total => new ScoredSheet(Guid.NewGuid(), [], 0m, 0m, total, Grade.Fair, 0, false))
            .ToList();
        var ranks = ScoringEngine.Rank(sheets).Select(s => (s.Total, s.Rank)).ToList();
        Assert.Equal([(90m, 1), (90m, 1), (80m, 3), (80m, 3), (70m, 5), (60m, 6)], ranks);
    }

    [Fact]
    public void Appeal_adjustments_move_the_total_and_the_grade_with_configurable_bands()
    {
        var bands = new GradeBands(85m, 70m, 50m);
        var scored = ScoringEngine.Score(
            [Ratio(Fans, 100m)],
            [new ScoringSheet(A, 3.5m, [new ScoringCell(Fans, 100m, 82m)]), new ScoringSheet(B, 0m, [new ScoringCell(Fans, 100m, 84m)])],
            bands,
            1m,
            10m).ToDictionary(s => s.SubBranchId);
        Assert.Equal((85.5m, Grade.Excellent, 1), (scored[A].Total, scored[A].Grade, scored[A].Rank));
        Assert.Equal((84m, Grade.Good, 2), (scored[B].Total, scored[B].Grade, scored[B].Rank));
        Assert.Equal(Grade.Fair, bands.GradeOf(50m));
        Assert.Equal(Grade.Unsatisfactory, bands.GradeOf(49.99m));
    }

    [Theory]
    [InlineData("2026-10-01", 1, 92)]
    [InlineData("2026-11-15", 46, 92)]
    [InlineData("2026-12-31", 92, 92)]
    [InlineData("2027-01-15", 92, 92)]
    [InlineData("2026-09-30", 0, 92)]
    public void Time_progress_counts_elapsed_days_of_the_period_both_ends_included(string today, int elapsed, int days)
    {
        var scheme = AssessmentScheme.CreateDraft(new SchemeTerms("Q4", PeriodKind.Quarter, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), SchemeKind.Comprehensive, null, GradeBands.Default, 10m), Guid.NewGuid());
        Assert.Equal(days, scheme.PeriodDays);
        Assert.Equal((decimal)elapsed / days, scheme.TimeProgress(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
