namespace BranchNetwork.Modules.Assessment.Domain;

internal sealed record ScoringIndicator(Guid IndicatorId, decimal Weight, IndicatorDirection Direction, ScoringRule Rule);

internal sealed record ScoringCell(Guid IndicatorId, decimal Target, decimal? Actual);

internal sealed record ScoringSheet(Guid SubBranchId, decimal Adjustment, IReadOnlyList<ScoringCell> Cells);

internal readonly record struct ScoredCell(Guid IndicatorId, decimal Target, decimal? Actual, decimal Completion, decimal Score, bool Behind);

/// <summary>A sheet whose cells are already scored, waiting for totals, grade and rank.</summary>
internal sealed record ScoredSheetInput(Guid SubBranchId, decimal Adjustment, IReadOnlyList<ScoredCell> Cells);

internal sealed record ScoredSheet(Guid SubBranchId, IReadOnlyList<ScoredCell> Cells, decimal Completion, decimal Adjustment, decimal Total, Grade Grade, int Rank, bool Behind);

/// <summary>
/// The default scoring of AS-8, pure so it can be checked against hand-computed tables:
/// completion = actual / target (higher is better) or target / actual (lower is better; actual 0 earns the cap);
/// indicator score = weight × rule factor (by default clamp(completion, floor 0, cap 1.2)), rounded half away
/// from zero to two decimals (completion is kept to four); total = Σ indicator scores + appeal adjustments; grade by bands; standard
/// competition ranking (1, 2, 2, 4). A cell or sheet is behind when completion &lt; time progress − margin.
/// </summary>
internal static class ScoringEngine
{
    public const decimal MaxCompletion = 1_000_000m;

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

    /// <summary>Completion (4 decimals) and score (2 decimals) of one cell: what the target cell stores with the value in force.</summary>
    public static (decimal Completion, decimal Score) ScoreCell(ScoringIndicator indicator, decimal target, decimal? actual)
    {
        var completion = Completion(target, actual, indicator.Direction, indicator.Rule.Cap);
        // Far beyond any cap, so no score changes; it only keeps an absurd entry within the stored column.
        return (Round(Math.Min(completion, MaxCompletion), 4), Round(indicator.Weight * indicator.Rule.Factor(completion)));
    }

    public static IReadOnlyList<ScoredSheet> Score(
        IReadOnlyList<ScoringIndicator> indicators,
        IEnumerable<ScoringSheet> sheets,
        GradeBands bands,
        decimal timeProgress,
        decimal behindMarginPoints)
    {
        var byId = indicators.ToDictionary(i => i.IndicatorId);
        var scored = sheets.Select(sheet => new ScoredSheetInput(
            sheet.SubBranchId,
            sheet.Adjustment,
            sheet.Cells.Where(c => byId.ContainsKey(c.IndicatorId)).Select(c =>
            {
                var (completion, score) = ScoreCell(byId[c.IndicatorId], c.Target, c.Actual);
                return new ScoredCell(c.IndicatorId, c.Target, c.Actual, completion, score, false);
            }).ToList()));
        return Aggregate(indicators, scored, bands, timeProgress, behindMarginPoints);
    }

    /// <summary>
    /// Totals, grades, behind flags and ranks from cells already scored (as stored on the target cells): a sum and a
    /// few comparisons per cell, so reading a whole scheme costs little more than fetching its rows.
    /// </summary>
    public static IReadOnlyList<ScoredSheet> Aggregate(
        IReadOnlyList<ScoringIndicator> indicators,
        IEnumerable<ScoredSheetInput> sheets,
        GradeBands bands,
        decimal timeProgress,
        decimal behindMarginPoints)
    {
        var caps = indicators.ToDictionary(i => i.IndicatorId, i => (i.Weight, i.Rule.Cap));
        var totalWeight = indicators.Sum(i => i.Weight);
        var behindBelow = timeProgress - (behindMarginPoints / 100m);
        var scored = new List<ScoredSheet>();
        foreach (var sheet in sheets)
        {
            var cells = new List<ScoredCell>(sheet.Cells.Count);
            decimal sum = 0m, weightedCompletion = 0m;
            foreach (var cell in sheet.Cells)
            {
                if (!caps.TryGetValue(cell.IndicatorId, out var indicator))
                {
                    continue;
                }

                sum += cell.Score;
                weightedCompletion += indicator.Weight * Math.Clamp(cell.Completion, 0m, indicator.Cap);
                cells.Add(cell with { Behind = cell.Completion < behindBelow });
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
