using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Services;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.Modules.Assessment.Features.ListWarnings;

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
    /// <summary>Warnings with scheme, sub-branch and indicator names, newest first.</summary>
    public static IQueryable<WarningDto> Project(AssessmentDbContext db, IQueryable<Warning> warnings) =>
        from w in warnings
        join s in db.Schemes on w.SchemeId equals s.Id
        join sheet in db.Sheets on new { w.SchemeId, w.SubBranchId } equals new { sheet.SchemeId, sheet.SubBranchId }
        orderby w.CreatedAtUtc descending
        select new WarningDto(
            w.Id, w.SchemeId, s.Name, w.SubBranchId, sheet.SubBranchName, w.IndicatorId,
            db.SchemeIndicators.Where(i => i.SchemeId == w.SchemeId && i.IndicatorId == w.IndicatorId).Select(i => i.Name).FirstOrDefault(),
            w.RuleId, w.Kind, w.Message, w.SubjectKind, w.SubjectId, w.Status, w.IssuedByName, w.CreatedAtUtc, w.Response,
            w.AcknowledgedAtUtc, w.ClosedAtUtc, w.CloseReason, w.Version);
}

/// <summary>Warnings and prompts: head office sees all; anyone else only their own sub-branch's (AS-6).</summary>
internal sealed record ListWarningsQuery(Guid? SchemeId, Guid? SubBranchId, WarningStatus? Status) : IQuery<IReadOnlyList<WarningDto>>;

internal sealed class ListWarningsHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListWarningsQuery, IReadOnlyList<WarningDto>>
{
    public async ValueTask<IReadOnlyList<WarningDto>> Handle(ListWarningsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var warnings = db.Warnings.AsNoTracking();
        if (!access.IsHeadOfficeRole)
        {
            var own = await access.OwnSubBranchAsync(cancellationToken);
            if (own is null)
            {
                return [];
            }

            warnings = warnings.Where(w => w.SubBranchId == own.Value);
        }

        if (query.SchemeId is { } schemeId)
        {
            warnings = warnings.Where(w => w.SchemeId == schemeId);
        }

        if (query.SubBranchId is { } subBranchId)
        {
            warnings = warnings.Where(w => w.SubBranchId == subBranchId);
        }

        if (query.Status is { } status)
        {
            warnings = warnings.Where(w => w.Status == status);
        }

        return await WarningProjection.Project(db, warnings).Take(500).ToListAsync(cancellationToken);
    }
}

internal static class ListWarningsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/warnings", async Task<Ok<IReadOnlyList<WarningDto>>> (Guid? schemeId, Guid? subBranchId, WarningStatus? status, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListWarningsQuery(schemeId, subBranchId, status), ct)))
            .WithName("ListWarnings").WithSummary("Warnings and prompts in the caller's scope, newest first.");
}
