namespace BranchNetwork.Modules.Assessment.Features.Shared;

/// <summary>An appeal with its whole trail: filed by whom and why, decided by whom, why, and what changed.</summary>
internal sealed record AppealDto(
    Guid Id,
    Guid SchemeId,
    string SchemeName,
    Guid SubBranchId,
    string SubBranchName,
    AppealKind Kind,
    Guid? IndicatorId,
    string? IndicatorName,
    string Reason,
    decimal? RequestedValue,
    string FiledByName,
    DateTime FiledAt,
    AppealStatus Status,
    string? DecidedByName,
    DateTime? DecidedAt,
    string? DecisionReason,
    decimal? PreviousTarget,
    decimal? NewTarget,
    decimal? ScoreAdjustment,
    long Version)
{
    /// <summary>Evidence files, added after the projection: they live in the Files module (ADR 0014).</summary>
    public IReadOnlyList<AppealAttachment> Attachments { get; init; } = [];
}

internal static class AppealProjection
{
    public static IQueryable<AppealDto> Project(AssessmentDbContext db, IQueryable<Appeal> appeals) =>
        from a in appeals
        join s in db.Schemes on a.SchemeId equals s.Id
        join sheet in db.Sheets on new { a.SchemeId, a.SubBranchId } equals new { sheet.SchemeId, sheet.SubBranchId }
        orderby a.CreatedAtUtc descending, a.Id descending
        select new AppealDto(
            a.Id, a.SchemeId, s.Name, a.SubBranchId, sheet.SubBranchName, a.Kind, a.IndicatorId,
            db.SchemeIndicators.Where(i => i.SchemeId == a.SchemeId && i.IndicatorId == a.IndicatorId).Select(i => i.Name).FirstOrDefault(),
            a.Reason, a.RequestedValue, a.FiledByName, a.CreatedAtUtc, a.Status, a.DecidedByName, a.DecidedAtUtc, a.DecisionReason,
            a.PreviousTarget, a.NewTarget, a.ScoreAdjustment, a.Version);
}
