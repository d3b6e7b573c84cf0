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
/// One sub-branch's row of a scheme — its own cells, ranked among every sheet — with the number of sheets and how many
/// other sheets share its total (a tied rank).
/// </summary>
internal sealed record SheetResult(SchemeResults Scheme, ResultRow Row, int SubBranchCount, bool Tied);

/// <summary>
/// Reads a scheme's results from the target cells, which carry the current-value projection: two range
/// scans (sheets, cells) whatever the length of the progress history, then scoring in memory.
/// </summary>
internal sealed class SchemeResultsReader(AssessmentDbContext db, IClock clock)
{
    private readonly record struct CellRow(Guid SubBranchId, Guid IndicatorId, decimal Target, decimal? Actual, DateOnly? AsOf, decimal Completion, decimal Score);

    private readonly record struct SheetRow(Guid SubBranchId, string Code, string Name, decimal Adjustment, decimal? FinalScore, Grade? FinalGrade, int? FinalRank);

    public Task<SchemeResults> ReadAsync(AssessmentScheme scheme, CancellationToken ct, Guid? onlySubBranchId = null) =>
        ReadCellsAsync(scheme, null, onlySubBranchId, ct);

    /// <summary>
    /// One indicator's column across every sheet (one cell per sub-branch, not the whole grid): each row carries that
    /// cell only, so its total, grade and rank are meaningless — for ranking sub-branches on that indicator alone.
    /// </summary>
    public Task<SchemeResults> ReadColumnAsync(AssessmentScheme scheme, Guid indicatorId, CancellationToken ct) =>
        ReadCellsAsync(scheme, indicatorId, null, ct);

    private async Task<SchemeResults> ReadCellsAsync(AssessmentScheme scheme, Guid? onlyIndicatorId, Guid? onlySubBranchId, CancellationToken ct)
    {
        var sheetQuery = db.Sheets.AsNoTracking().Where(s => s.SchemeId == scheme.Id);
        var cellQuery = db.Targets.AsNoTracking().Where(t => t.SchemeId == scheme.Id);
        if (onlyIndicatorId is { } indicatorId)
        {
            cellQuery = cellQuery.Where(t => t.IndicatorId == indicatorId);
        }

        var sheets = await sheetQuery
            .Select(s => new SheetRow(s.SubBranchId, s.SubBranchCode, s.SubBranchName, s.ScoreAdjustment, s.FinalScore, s.FinalGrade, s.FinalRank))
            .ToListAsync(ct);
        var cells = await cellQuery
            .Select(t => new CellRow(t.SubBranchId, t.IndicatorId, t.Value, t.ActualValue, t.ActualAsOf, t.Completion, t.Score))
            .ToListAsync(ct);
        return Compute(scheme, sheets, cells, onlySubBranchId);
    }

    /// <summary>
    /// One sheet's row without reading the other sheets' cells: its own cells scored as <see cref="ReadAsync"/> does, and
    /// its rank from every sheet's stored sum of cell scores (<see cref="AssessmentSheet.ScoreCents"/>, one number per
    /// sheet). A closed scheme's frozen rank needs no totals at all. Null when the sub-branch has no sheet in the scheme.
    /// </summary>
    public async Task<SheetResult?> ReadSheetAsync(AssessmentScheme scheme, Guid subBranchId, CancellationToken ct)
    {
        var sheets = await db.Sheets.AsNoTracking().Where(s => s.SchemeId == scheme.Id && s.SubBranchId == subBranchId)
            .Select(s => new SheetRow(s.SubBranchId, s.SubBranchCode, s.SubBranchName, s.ScoreAdjustment, s.FinalScore, s.FinalGrade, s.FinalRank))
            .ToListAsync(ct);
        if (sheets.Count == 0)
        {
            return null;
        }

        var cells = await db.Targets.AsNoTracking().Where(t => t.SchemeId == scheme.Id && t.SubBranchId == subBranchId)
            .Select(t => new CellRow(t.SubBranchId, t.IndicatorId, t.Value, t.ActualValue, t.ActualAsOf, t.Completion, t.Score))
            .ToListAsync(ct);
        var alone = Compute(scheme, sheets, cells, null);
        var row = alone.Rows[0];
        if (scheme.Status == SchemeStatus.Closed && sheets[0].FinalScore is not null && sheets[0].FinalRank is { } finalRank)
        {
            var count = await db.Sheets.AsNoTracking().CountAsync(s => s.SchemeId == scheme.Id, ct);
            var sameRank = await db.Sheets.AsNoTracking().CountAsync(s => s.SchemeId == scheme.Id && s.FinalRank == finalRank, ct);
            return new SheetResult(alone, row, count, sameRank > 1);
        }

        // Every sheet's total is its stored sum of cell scores plus its adjustments, both whole cents: one small row per
        // sheet, compared exactly, instead of summing every sheet's cells.
        var totals = await db.Sheets.AsNoTracking().Where(s => s.SchemeId == scheme.Id)
            .Select(s => new { s.SubBranchId, s.ScoreCents, s.ScoreAdjustment })
            .ToListAsync(ct);
        var own = totals.Single(t => t.SubBranchId == subBranchId);
        var ownCents = own.ScoreCents + AssessmentSheet.ToCents(own.ScoreAdjustment);
        int ahead = 0, tied = 0;
        foreach (var sheet in totals)
        {
            var cents = sheet.ScoreCents + AssessmentSheet.ToCents(sheet.ScoreAdjustment);
            if (cents > ownCents)
            {
                ahead++;
            }
            else if (cents == ownCents)
            {
                tied++;
            }
        }

        return new SheetResult(alone, row with { Rank = ahead + 1 }, totals.Count, tied > 1);
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
