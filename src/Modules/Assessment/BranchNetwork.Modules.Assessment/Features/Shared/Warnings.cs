namespace BranchNetwork.Modules.Assessment.Features.Shared;

internal sealed record WarningDto(
    Guid Id,
    Guid SchemeId,
    string SchemeName,
    Guid SubBranchId,
    string SubBranchName,
    Guid? IndicatorId,
    string? IndicatorName,
    Guid? RuleId,
    WarningKind Kind,
    string Message,
    string? SubjectKind,
    Guid? SubjectId,
    WarningStatus Status,
    string? IssuedByName,
    DateTime IssuedAt,
    string? Response,
    DateTime? AcknowledgedAt,
    DateTime? ClosedAt,
    WarningCloseReason? CloseReason,
    long Version);

internal static class WarningProjection
{
    /// <summary>Warnings with scheme, sub-branch and indicator names, newest first; a rule's text in the reader's language.</summary>
    public static IQueryable<WarningDto> Project(AssessmentDbContext db, IQueryable<Warning> warnings) =>
        from w in warnings
        join s in db.Schemes on w.SchemeId equals s.Id
        join sheet in db.Sheets on new { w.SchemeId, w.SubBranchId } equals new { sheet.SchemeId, sheet.SubBranchId }
        orderby w.CreatedAtUtc descending, w.Id descending
        select new WarningDto(
            w.Id, w.SchemeId, s.Name, w.SubBranchId, sheet.SubBranchName, w.IndicatorId,
            db.SchemeIndicators.Where(i => i.SchemeId == w.SchemeId && i.IndicatorId == w.IndicatorId).Select(i => i.Name).FirstOrDefault(),
            w.RuleId, w.Kind, WarningText.Show(w.MessageKey, w.MessageArgs, w.Message), w.SubjectKind, w.SubjectId, w.Status, w.IssuedByName, w.CreatedAtUtc, w.Response,
            w.AcknowledgedAtUtc, w.ClosedAtUtc, w.CloseReason, w.Version);
}
