namespace BranchNetwork.Modules.Assessment.Domain;

internal sealed record ScoringIndicator(Guid IndicatorId, decimal Weight, IndicatorDirection Direction, ScoringRule Rule);

internal sealed record ScoringCell(Guid IndicatorId, decimal Target, decimal? Actual);

internal sealed record ScoringSheet(Guid SubBranchId, decimal Adjustment, IReadOnlyList<ScoringCell> Cells);

internal sealed record ScoredCell(Guid IndicatorId, decimal Target, decimal? Actual, decimal Completion, decimal Score, bool Behind);

internal sealed record ScoredSheet(Guid SubBranchId, IReadOnlyList<ScoredCell> Cells, decimal Completion, decimal Adjustment, decimal Total, Grade Grade, int Rank, bool Behind);

/// <summary>
/// The default scoring of AS-8, pure so it can be checked against hand-computed tables:
/// completion = actual / target (higher is better) or target / actual (lower is better; actual 0 earns the cap);
/// indicator score = weight × rule factor (by default clamp(completion, floor 0, cap 1.2)), rounded half away
/// from zero to two decimals; total = Σ indicator scores + appeal adjustments; grade by bands; standard
/// competition ranking (1, 2, 2, 4). A cell or sheet is behind when completion &lt; time progress − margin.
/// </summary>
internal static class ScoringEngine
{
    public static decimal Completion(decimal target, decimal? actual, IndicatorDirection direction, decimal cap)
    {
        if (actual is not { } value || target <= 0m)
        {
            return 0m;
        }

        if (direction == IndicatorDirection.HigherIsBetter)
        {
            return Math.Max(value, 0m) / target;
        }

        // Lower is better: nothing at all (zero complaints, zero bad loans) is the best possible result.
        return value <= 0m ? cap : target / value;
    }

    public static decimal Round(decimal value, int decimals = 2) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<ScoredSheet> Score(
        IReadOnlyList<ScoringIndicator> indicators,
        IEnumerable<ScoringSheet> sheets,
        GradeBands bands,
        decimal timeProgress,
        decimal behindMarginPoints)
    {
        var byId = indicators.ToDictionary(i => i.IndicatorId);
        var totalWeight = indicators.Sum(i => i.Weight);
        var behindBelow = timeProgress - (behindMarginPoints / 100m);
        var scored = new List<ScoredSheet>();
        foreach (var sheet in sheets)
        {
            var cells = new List<ScoredCell>(sheet.Cells.Count);
            decimal sum = 0m, weightedCompletion = 0m;
            foreach (var cell in sheet.Cells)
            {
                if (!byId.TryGetValue(cell.IndicatorId, out var indicator))
                {
                    continue;
                }

                var completion = Completion(cell.Target, cell.Actual, indicator.Direction, indicator.Rule.Cap);
                var score = Round(indicator.Weight * indicator.Rule.Factor(completion));
                sum += score;
                weightedCompletion += indicator.Weight * Math.Clamp(completion, 0m, indicator.Rule.Cap);
                cells.Add(new ScoredCell(cell.IndicatorId, cell.Target, cell.Actual, Round(completion, 4), score, completion < behindBelow));
            }

            var overall = totalWeight > 0m ? weightedCompletion / totalWeight : 0m;
            var total = sum + sheet.Adjustment;
            scored.Add(new ScoredSheet(sheet.SubBranchId, cells, Round(overall, 4), sheet.Adjustment, total, bands.GradeOf(total), 0, overall < behindBelow));
        }

        return Rank(scored);
    }

    /// <summary>Standard competition ranking on the total: equal totals share a rank and the next rank skips (1, 2, 2, 4).</summary>
    public static IReadOnlyList<ScoredSheet> Rank(IReadOnlyList<ScoredSheet> sheets)
    {
        var ordered = sheets.OrderByDescending(s => s.Total).ToList();
        var ranked = new List<ScoredSheet>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Total == ordered[i - 1].Total ? ranked[i - 1].Rank : i + 1;
            ranked.Add(ordered[i] with { Rank = rank });
        }

        return ranked;
    }
}
