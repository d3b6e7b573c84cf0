using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Assessment.Services;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.ListAppeals;

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
        orderby a.CreatedAtUtc descending
        select new AppealDto(
            a.Id, a.SchemeId, s.Name, a.SubBranchId, sheet.SubBranchName, a.Kind, a.IndicatorId,
            db.SchemeIndicators.Where(i => i.SchemeId == a.SchemeId && i.IndicatorId == a.IndicatorId).Select(i => i.Name).FirstOrDefault(),
            a.Reason, a.RequestedValue, a.FiledByName, a.CreatedAtUtc, a.Status, a.DecidedByName, a.DecidedAtUtc, a.DecisionReason,
            a.PreviousTarget, a.NewTarget, a.ScoreAdjustment, a.Version);
}

/// <summary>Appeals: head office sees all; a sub-branch only its own (they are private to it).</summary>
internal sealed record ListAppealsQuery(Guid? SchemeId, AppealStatus? Status) : IQuery<IReadOnlyList<AppealDto>>;

internal sealed class ListAppealsHandler(AssessmentDbContext db, AssessmentAccess access, IFileStore files) : IQueryHandler<ListAppealsQuery, IReadOnlyList<AppealDto>>
{
    public async ValueTask<IReadOnlyList<AppealDto>> Handle(ListAppealsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var appeals = db.Appeals.AsNoTracking();
        if (!access.IsHeadOfficeRole)
        {
            var own = await access.OwnSubBranchAsync(cancellationToken);
            if (own is null)
            {
                return [];
            }

            appeals = appeals.Where(a => a.SubBranchId == own.Value);
        }

        if (query.SchemeId is { } schemeId)
        {
            appeals = appeals.Where(a => a.SchemeId == schemeId);
        }

        if (query.Status is { } status)
        {
            appeals = appeals.Where(a => a.Status == status);
        }

        var list = await AppealProjection.Project(db, appeals).Take(500).ToListAsync(cancellationToken);
        var attachments = await AppealEvidence.ListAsync(files, list.Select(a => a.Id).ToList(), cancellationToken);
        return list.Select(a => a with { Attachments = attachments[a.Id].ToList() }).ToList();
    }
}

internal sealed record GetAppealQuery(Guid AppealId) : IQuery<AppealDto>;

internal sealed class GetAppealHandler(AssessmentDbContext db, AssessmentAccess access, IFileStore files, IStringLocalizer<AssessmentText> text) : IQueryHandler<GetAppealQuery, AppealDto>
{
    public async ValueTask<AppealDto> Handle(GetAppealQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var appeal = await AppealProjection.Project(db, db.Appeals.AsNoTracking().Where(a => a.Id == query.AppealId)).FirstOrDefaultAsync(cancellationToken);
        if (appeal is null || !await access.CanSeeSubBranchAsync(appeal.SubBranchId, cancellationToken))
        {
            throw new NotFoundException("assessment.appeal_not_found", text["AppealNotFound"]);
        }

        return appeal with { Attachments = (await AppealEvidence.ListAsync(files, [appeal.Id], cancellationToken))[appeal.Id].ToList() };
    }
}

internal static class ListAppealsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/appeals", async Task<Ok<IReadOnlyList<AppealDto>>> (Guid? schemeId, AppealStatus? status, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAppealsQuery(schemeId, status), ct)))
            .WithName("ListAppeals").WithSummary("Appeals in the caller's scope, newest first.");
        api.MapGet("/appeals/{id:guid}", async Task<Ok<AppealDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetAppealQuery(id), ct)))
            .WithName("GetAppeal").WithSummary("One appeal with its trail (own sub-branch, or head office).");
    }
}
