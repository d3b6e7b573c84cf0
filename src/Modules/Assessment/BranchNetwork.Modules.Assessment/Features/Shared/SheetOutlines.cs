using BranchNetwork.Modules.Assessment.Contracts;

namespace BranchNetwork.Modules.Assessment.Features.Shared;

/// <summary>
/// Issued sheets as the work-plan module reads them (TK-1). Drafts never leave the module: head office may still change
/// their indicators and targets. Each call reads one sub-branch's cells only, never the whole scheme's grid.
/// </summary>
internal sealed class SheetOutlines(AssessmentDbContext db) : IAssessmentSheets
{
    private sealed record SchemeHead(Guid Id, string Name, DateOnly StartDate, DateOnly EndDate, SchemeStatus Status);

    private sealed record Line(Guid SchemeId, Guid IndicatorId, string Code, string Name, string Unit, decimal Weight, int SortOrder, IndicatorDataSource DataSource);

    public async Task<SheetOutline?> FindAsync(Guid schemeId, Guid subBranchId, CancellationToken cancellationToken = default)
    {
        var scheme = await Issued()
            .Where(s => s.Id == schemeId && db.Sheets.Any(sh => sh.SchemeId == s.Id && sh.SubBranchId == subBranchId))
            .Select(s => new SchemeHead(s.Id, s.Name, s.StartDate, s.EndDate, s.Status))
            .FirstOrDefaultAsync(cancellationToken);
        if (scheme is null)
        {
            return null;
        }

        var outlines = await OutlinesAsync([scheme], subBranchId, cancellationToken);
        return outlines[0];
    }

    public async Task<IReadOnlyList<SheetOutline>> ListForSubBranchAsync(Guid subBranchId, CancellationToken cancellationToken = default)
    {
        var schemes = await Issued()
            .Where(s => db.Sheets.Any(sh => sh.SchemeId == s.Id && sh.SubBranchId == subBranchId))
            .OrderByDescending(s => s.StartDate).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SchemeHead(s.Id, s.Name, s.StartDate, s.EndDate, s.Status))
            .ToListAsync(cancellationToken);
        return schemes.Count == 0 ? [] : await OutlinesAsync(schemes, subBranchId, cancellationToken);
    }

    public async Task<IReadOnlyList<SchemeOutline>> ListSchemesAsync(CancellationToken cancellationToken = default)
    {
        var schemes = await Issued()
            .OrderByDescending(s => s.StartDate).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SchemeHead(s.Id, s.Name, s.StartDate, s.EndDate, s.Status))
            .ToListAsync(cancellationToken);
        return schemes.Select(s => new SchemeOutline(s.Id, s.Name, s.StartDate, s.EndDate, StateOf(s.Status))).ToList();
    }

    private IQueryable<AssessmentScheme> Issued() =>
        db.Schemes.AsNoTracking().Where(s => s.Status == SchemeStatus.Published || s.Status == SchemeStatus.Closed);

    /// <summary>The schemes' lines and this sub-branch's targets: two queries, whatever the number of schemes.</summary>
    private async Task<List<SheetOutline>> OutlinesAsync(IReadOnlyList<SchemeHead> schemes, Guid subBranchId, CancellationToken ct)
    {
        var ids = schemes.Select(s => s.Id).ToList();
        var lines = await db.SchemeIndicators.AsNoTracking()
            .Where(i => ids.Contains(i.SchemeId))
            .Select(i => new Line(i.SchemeId, i.IndicatorId, i.Code, i.Name, i.Unit, i.Weight, i.SortOrder, i.DataSource))
            .ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking()
            .Where(t => ids.Contains(t.SchemeId) && t.SubBranchId == subBranchId)
            .Select(t => new { t.SchemeId, t.IndicatorId, t.Value })
            .ToDictionaryAsync(t => (t.SchemeId, t.IndicatorId), t => t.Value, ct);
        var bySchemes = lines.ToLookup(l => l.SchemeId);
        return schemes.Select(s => new SheetOutline(
                s.Id,
                s.Name,
                s.StartDate,
                s.EndDate,
                StateOf(s.Status),
                subBranchId,
                bySchemes[s.Id].OrderBy(l => l.SortOrder).ThenBy(l => l.Code, StringComparer.Ordinal)
                    .Select(l => new SheetIndicatorOutline(
                        l.IndicatorId, l.Code, l.Name, l.Unit, l.Weight, targets.GetValueOrDefault((s.Id, l.IndicatorId)), l.DataSource == IndicatorDataSource.Tasks))
                    .ToList()))
            .ToList();
    }

    private static SchemeState StateOf(SchemeStatus status) => status == SchemeStatus.Closed ? SchemeState.Closed : SchemeState.Published;
}
