using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.GetSheet;

/// <summary>What the caller may do on this sheet, so the page offers only what the handlers will accept.</summary>
internal sealed record SheetActions(
    bool IsOwnSheet,
    IReadOnlyList<Guid> EnterProgressIndicatorIds,
    IReadOnlyList<Guid> CorrectProgressIndicatorIds,
    bool CanAcknowledgeWarnings,
    bool CanCloseWarnings,
    bool CanIssueWarnings,
    bool CanDecideAppeals,
    bool CanFileAppeal);

/// <summary>
/// 考核表: one sub-branch's row of a scheme (rank among all), with the first page of its private warnings and appeals
/// (newest first; <c>next</c> continues through <c>GET /warnings</c> and <c>GET /appeals</c> with the same filters).
/// </summary>
internal sealed record SheetView(
    Guid SchemeId,
    string SchemeName,
    SchemeStatus Status,
    DateOnly StartDate,
    DateOnly EndDate,
    DateOnly AsOf,
    decimal TimeProgress,
    int SubBranchCount,
    IReadOnlyList<IndicatorColumn> Indicators,
    ResultRow Row,
    KeysetPage<WarningDto> Warnings,
    KeysetPage<AppealDto> Appeals,
    SheetActions Can);

[AnySignedInUser]
internal sealed record GetSheetQuery(Guid SchemeId, Guid SubBranchId) : IQuery<SheetView>;

internal sealed class GetSheetHandler(AssessmentDbContext db, AssessmentAccess access, SchemeResultsReader reader, IStringLocalizer<AssessmentText> text)
    : IQueryHandler<GetSheetQuery, SheetView>
{
    public const int FirstPageSize = 50;

    public async ValueTask<SheetView> Handle(GetSheetQuery query, CancellationToken cancellationToken)
    {
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken);
        await access.EnsureCanSeeSubBranchAsync(query.SubBranchId, cancellationToken);
        // Its own cells only, and its rank from one number per sheet: a sheet costs the same at 8 sub-branches or 500.
        var sheet = await reader.ReadSheetAsync(scheme, query.SubBranchId, cancellationToken)
            ?? throw new NotFoundException("assessment.sheet_not_found", text["SheetNotFound"]);
        var (results, row) = (sheet.Scheme, sheet.Row);
        var warnings = await WarningProjection.Project(db, db.Warnings.AsNoTracking().Where(w => w.SchemeId == scheme.Id && w.SubBranchId == query.SubBranchId))
            .Take(FirstPageSize + 1).ToListAsync(cancellationToken);
        var appeals = await AppealProjection.Project(db, db.Appeals.AsNoTracking().Where(a => a.SchemeId == scheme.Id && a.SubBranchId == query.SubBranchId))
            .Take(FirstPageSize + 1).ToListAsync(cancellationToken);
        return new SheetView(
            scheme.Id, scheme.Name, scheme.Status, scheme.StartDate, scheme.EndDate, results.AsOf, results.TimeProgress, sheet.SubBranchCount, results.Indicators, row,
            Keyset.Page(warnings, FirstPageSize, w => (w.IssuedAt, w.Id)),
            Keyset.Page(appeals, FirstPageSize, a => (a.FiledAt, a.Id)),
            await ActionsAsync(scheme, query.SubBranchId, cancellationToken));
    }

    private async Task<SheetActions> ActionsAsync(AssessmentScheme scheme, Guid subBranchId, CancellationToken ct)
    {
        var own = await access.OwnSubBranchAsync(ct);
        var isOwn = own == subBranchId;
        var published = scheme.Status == SchemeStatus.Published;
        var head = access.IsSubBranchHead && isOwn;
        return new SheetActions(
            isOwn,
            published ? [.. scheme.Indicators.Where(i => access.CanEnterProgress(i, subBranchId, own)).OrderBy(i => i.SortOrder).Select(i => i.IndicatorId)] : [],
            published ? [.. scheme.Indicators.Where(i => access.CanCorrectProgress(i, subBranchId, own)).OrderBy(i => i.SortOrder).Select(i => i.IndicatorId)] : [],
            CanAcknowledgeWarnings: head,
            CanCloseWarnings: access.IsSupervisor,
            CanIssueWarnings: access.IsSupervisor && published,
            CanDecideAppeals: access.IsSupervisor,
            CanFileAppeal: head && scheme.Status != SchemeStatus.Draft);
    }
}

internal static class GetSheetEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}/sheets/{subBranchId:guid}", async Task<Ok<SheetView>> (Guid id, Guid subBranchId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSheetQuery(id, subBranchId), ct)))
            .WithName("GetSheet").WithSummary("A sub-branch's assessment sheet with its warnings, appeals and the caller's allowed actions (own sub-branch, or head office).");
}
