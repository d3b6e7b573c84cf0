namespace BranchNetwork.Modules.Assessment.Features.Shared;

internal sealed record IndicatorColumn(Guid IndicatorId, string Code, string Name, string Unit, decimal Weight, IndicatorDirection Direction, bool AllowSubBranchEntry);

internal sealed record ResultCell(Guid IndicatorId, decimal Target, decimal? Actual, DateOnly? ActualAsOf, decimal Completion, decimal Score, bool Behind, decimal Gap);

internal sealed record ResultRow(
    Guid SubBranchId,
    string SubBranchCode,
    string SubBranchName,
    IReadOnlyList<ResultCell> Cells,
    decimal Completion,
    decimal Adjustment,
    decimal Total,
    Grade Grade,
    int Rank,
    bool Behind);

/// <summary>AS-5: every sub-branch of a scheme with completion, score, grade, rank and the behind flag, best first.</summary>
internal sealed record SchemeResults(
    Guid SchemeId,
    string SchemeName,
    SchemeStatus Status,
    DateOnly StartDate,
    DateOnly EndDate,
    DateOnly AsOf,
    decimal TimeProgress,
    decimal BehindMarginPoints,
    IReadOnlyList<IndicatorColumn> Indicators,
    IReadOnlyList<ResultRow> Rows);

/// <summary>
/// Reads a scheme's results from the target cells, which carry the current-value projection: two range
/// scans (sheets, cells) whatever the length of the progress history, then scoring in memory.
/// </summary>
internal sealed class SchemeResultsReader(AssessmentDbContext db, IClock clock)
{
    private readonly record struct CellRow(Guid SubBranchId, Guid IndicatorId, decimal Target, decimal? Actual, DateOnly? AsOf, decimal Completion, decimal Score);

    private readonly record struct SheetRow(Guid SubBranchId, string Code, string Name, decimal Adjustment, decimal? FinalScore, Grade? FinalGrade, int? FinalRank);

    public async Task<SchemeResults> ReadAsync(AssessmentScheme scheme, CancellationToken ct, Guid? onlySubBranchId = null)
    {
        var sheetQuery = db.Sheets.AsNoTracking().Where(s => s.SchemeId == scheme.Id);
        var cellQuery = db.Targets.AsNoTracking().Where(t => t.SchemeId == scheme.Id);
        var sheets = await sheetQuery
            .Select(s => new SheetRow(s.SubBranchId, s.SubBranchCode, s.SubBranchName, s.ScoreAdjustment, s.FinalScore, s.FinalGrade, s.FinalRank))
            .ToListAsync(ct);
        var cells = await cellQuery
            .Select(t => new CellRow(t.SubBranchId, t.IndicatorId, t.Value, t.ActualValue, t.ActualAsOf, t.Completion, t.Score))
            .ToListAsync(ct);
        return Compute(scheme, sheets, cells, onlySubBranchId);
    }

    private SchemeResults Compute(AssessmentScheme scheme, List<SheetRow> sheets, List<CellRow> cells, Guid? onlySubBranchId)
    {
        var today = BankCalendar.Today(clock);
        var asOf = scheme.Status == SchemeStatus.Closed || today > scheme.EndDate ? scheme.EndDate : today;
        var timeProgress = scheme.TimeProgress(asOf);
        var indicators = scheme.Indicators.OrderBy(i => i.SortOrder).ToList();
        var columns = indicators.Select(i => new IndicatorColumn(i.IndicatorId, i.Code, i.Name, i.Unit, i.Weight, i.Direction, i.AllowSubBranchEntry)).ToList();
        var scoring = indicators.Select(i => new ScoringIndicator(i.IndicatorId, i.Weight, i.Direction, i.Rule)).ToList();
        var order = indicators.Select((i, n) => (i.IndicatorId, n)).ToDictionary(x => x.IndicatorId, x => x.n);

        // One pass groups the cells by sheet, in the scheme's indicator order. Cells of an indicator that is not on
        // the scheme are left out here (the engine would skip them anyway), so the aggregated cells line up
        // one-to-one with these lists and each cell's as-of date is read by position, without a second dictionary.
        var cellsBySheet = new Dictionary<Guid, List<CellRow>>(sheets.Count);
        foreach (var cell in cells)
        {
            if (!order.ContainsKey(cell.IndicatorId))
            {
                continue;
            }

            if (!cellsBySheet.TryGetValue(cell.SubBranchId, out var list))
            {
                cellsBySheet[cell.SubBranchId] = list = new List<CellRow>(indicators.Count);
            }

            list.Add(cell);
        }

        foreach (var list in cellsBySheet.Values)
        {
            // (scheme, sub-branch, indicator) is unique, so the sort keys are distinct and the order is total.
            list.Sort((a, b) => order[a.IndicatorId].CompareTo(order[b.IndicatorId]));
        }

        // Completion and score were computed when the value in force was written (Target.Rescore): only totals,
        // grades, behind flags and ranks are left to do here.
        var scored = ScoringEngine.Aggregate(
            scoring,
            sheets.Select(s => new ScoredSheetInput(
                s.SubBranchId,
                s.Adjustment,
                cellsBySheet.TryGetValue(s.SubBranchId, out var list)
                    ? list.ConvertAll(c => new ScoredCell(c.IndicatorId, c.Target, c.Actual, c.Completion, c.Score, false))
                    : [])),
            scheme.Bands,
            timeProgress,
            scheme.BehindMarginPoints);

        var sheetById = sheets.ToDictionary(s => s.SubBranchId);
        // Both have four decimals, so their difference needs no rounding.
        var roundedTimeProgress = ScoringEngine.Round(timeProgress, 4);
        var frozen = scheme.Status == SchemeStatus.Closed;
        var rows = scored
            .Select(s =>
            {
                var sheet = sheetById[s.SubBranchId];
                var source = s.Cells.Count > 0 ? cellsBySheet[s.SubBranchId] : [];
                var resultCells = new List<ResultCell>(s.Cells.Count);
                for (var k = 0; k < s.Cells.Count; k++)
                {
                    var c = s.Cells[k];
                    resultCells.Add(new ResultCell(c.IndicatorId, c.Target, c.Actual, source[k].AsOf, c.Completion, c.Score, c.Behind, c.Completion - roundedTimeProgress));
                }

                // Once closed, the frozen result is the result, whatever is recomputed.
                return frozen && sheet.FinalScore is { } final
                    ? new ResultRow(s.SubBranchId, sheet.Code, sheet.Name, resultCells, s.Completion, s.Adjustment, final, sheet.FinalGrade ?? s.Grade, sheet.FinalRank ?? s.Rank, s.Behind)
                    : new ResultRow(s.SubBranchId, sheet.Code, sheet.Name, resultCells, s.Completion, s.Adjustment, s.Total, s.Grade, s.Rank, s.Behind);
            })
            .Where(r => onlySubBranchId is null || r.SubBranchId == onlySubBranchId)
            .OrderBy(r => r.Rank).ThenBy(r => r.SubBranchCode, StringComparer.Ordinal)
            .ToList();

        return new SchemeResults(scheme.Id, scheme.Name, scheme.Status, scheme.StartDate, scheme.EndDate, asOf, roundedTimeProgress, scheme.BehindMarginPoints, columns, rows);
    }
}
