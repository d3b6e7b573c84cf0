namespace BranchNetwork.Modules.Assessment.Features.Shared;

internal sealed record SchemeIndicatorDto(Guid IndicatorId, string Code, string Name, string Unit, decimal Weight, IndicatorDirection Direction, IndicatorDataSource DataSource, ScoringRuleKind RuleKind, bool AllowSubBranchEntry);

internal sealed record WarningRuleDto(Guid Id, WarningRuleKind Kind, decimal Threshold, bool IsActive);

/// <summary>What the caller may do with a scheme in its current state, so a page shows only the actions that will succeed.</summary>
internal sealed record SchemeActions(
    bool CanEdit,
    bool CanPublish,
    bool CanClose,
    bool CanSetWarningRules,
    bool CanEvaluateWarnings,
    bool CanImportProgress,
    bool CanAwardHonours,
    bool CanSeeEverySheet,
    Guid? OwnSubBranchId);

internal sealed record SchemeDetail(
    Guid Id,
    string Name,
    PeriodKind PeriodKind,
    DateOnly StartDate,
    DateOnly EndDate,
    SchemeKind Kind,
    Guid? BusinessLineId,
    SchemeStatus Status,
    decimal ExcellentFrom,
    decimal GoodFrom,
    decimal FairFrom,
    decimal BehindMarginPoints,
    IReadOnlyList<SchemeIndicatorDto> Indicators,
    IReadOnlyList<WarningRuleDto> WarningRules,
    int TargetCount,
    int SheetCount,
    DateTime? PublishedAt,
    DateTime? ClosedAt,
    long Version,
    SchemeActions Can);

internal sealed class SchemeDetailReader(AssessmentDbContext db, AssessmentAccess access)
{
    public async Task<SchemeDetail> ReadAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.Schemes.AsNoTracking().Include(s => s.Indicators).FirstAsync(s => s.Id == schemeId, ct);
        return await ReadAsync(scheme, ct);
    }

    public async Task<SchemeDetail> ReadAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var rules = await db.WarningRules.AsNoTracking().Where(r => r.SchemeId == scheme.Id).OrderBy(r => r.Kind).ThenBy(r => r.CreatedAtUtc)
            .Select(r => new WarningRuleDto(r.Id, r.Kind, r.Threshold, r.IsActive)).ToListAsync(ct);
        var targets = await db.Targets.CountAsync(t => t.SchemeId == scheme.Id, ct);
        var sheets = await db.Sheets.CountAsync(s => s.SchemeId == scheme.Id, ct);
        return new SchemeDetail(
            scheme.Id, scheme.Name, scheme.PeriodKind, scheme.StartDate, scheme.EndDate, scheme.Kind, scheme.BusinessLineId, scheme.Status,
            scheme.ExcellentFrom, scheme.GoodFrom, scheme.FairFrom, scheme.BehindMarginPoints,
            scheme.Indicators.OrderBy(i => i.SortOrder)
                .Select(i => new SchemeIndicatorDto(i.IndicatorId, i.Code, i.Name, i.Unit, i.Weight, i.Direction, i.DataSource, i.RuleKind, i.AllowSubBranchEntry)).ToList(),
            rules, targets, sheets, scheme.PublishedAtUtc, scheme.ClosedAtUtc, scheme.Version, await ActionsAsync(scheme, ct));
    }

    private async Task<SchemeActions> ActionsAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var (draft, published) = (scheme.Status == SchemeStatus.Draft, scheme.Status == SchemeStatus.Published);
        var everySheet = access.IsHeadOfficeRole;
        return new SchemeActions(
            CanEdit: access.IsTaskAdmin && draft,
            CanPublish: access.IsTaskAdmin && draft,
            CanClose: access.IsTaskAdmin && published,
            CanSetWarningRules: (access.IsTaskAdmin || access.IsSupervisor) && scheme.Status != SchemeStatus.Closed,
            CanEvaluateWarnings: access.IsSupervisor && published,
            CanImportProgress: access.IsSupervisor && published,
            CanAwardHonours: access.IsSupervisor && scheme.Status == SchemeStatus.Closed,
            CanSeeEverySheet: everySheet,
            OwnSubBranchId: everySheet || !access.User.IsAuthenticated ? null : await access.OwnSubBranchAsync(ct));
    }
}
