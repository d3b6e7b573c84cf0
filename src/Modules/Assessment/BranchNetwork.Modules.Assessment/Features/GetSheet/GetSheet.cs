using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Features.ListAppeals;
using BranchNetwork.Modules.Assessment.Features.ListWarnings;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Assessment.Services;
using BranchNetwork.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.GetSheet;

/// <summary>考核表: one sub-branch's row of a scheme (rank among all), with its private warnings and appeals.</summary>
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
    IReadOnlyList<WarningDto> Warnings,
    IReadOnlyList<AppealDto> Appeals);

internal sealed record GetSheetQuery(Guid SchemeId, Guid SubBranchId) : IQuery<SheetView>;

internal sealed class GetSheetHandler(AssessmentDbContext db, AssessmentAccess access, SchemeResultsReader reader, IStringLocalizer<AssessmentText> text)
    : IQueryHandler<GetSheetQuery, SheetView>
{
    public async ValueTask<SheetView> Handle(GetSheetQuery query, CancellationToken cancellationToken)
    {
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken);
        await access.EnsureCanSeeSubBranchAsync(query.SubBranchId, cancellationToken);
        var results = await reader.ReadAsync(scheme, cancellationToken);
        var row = results.Rows.FirstOrDefault(r => r.SubBranchId == query.SubBranchId)
            ?? throw new NotFoundException("assessment.sheet_not_found", text["SheetNotFound"]);
        var warnings = await WarningProjection.Project(db, db.Warnings.AsNoTracking().Where(w => w.SchemeId == scheme.Id && w.SubBranchId == query.SubBranchId)).ToListAsync(cancellationToken);
        var appeals = await AppealProjection.Project(db, db.Appeals.AsNoTracking().Where(a => a.SchemeId == scheme.Id && a.SubBranchId == query.SubBranchId)).ToListAsync(cancellationToken);
        return new SheetView(scheme.Id, scheme.Name, scheme.Status, scheme.StartDate, scheme.EndDate, results.AsOf, results.TimeProgress, results.Rows.Count, results.Indicators, row, warnings, appeals);
    }
}

internal sealed record MySheet(Guid SchemeId, string SchemeName, SchemeStatus Status, DateOnly StartDate, DateOnly EndDate, Guid SubBranchId, string SubBranchName, decimal? FinalScore, Grade? FinalGrade, int? FinalRank, int OpenWarnings);

/// <summary>The sheets of the caller's own sub-branch, newest period first.</summary>
internal sealed record ListMySheetsQuery : IQuery<IReadOnlyList<MySheet>>;

internal sealed class ListMySheetsHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListMySheetsQuery, IReadOnlyList<MySheet>>
{
    public async ValueTask<IReadOnlyList<MySheet>> Handle(ListMySheetsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        if (await access.OwnSubBranchAsync(cancellationToken) is not { } own)
        {
            return [];
        }

        return await (
                from sheet in db.Sheets.AsNoTracking()
                join scheme in db.Schemes on sheet.SchemeId equals scheme.Id
                where sheet.SubBranchId == own
                orderby scheme.StartDate descending, scheme.Name
                select new MySheet(
                    scheme.Id, scheme.Name, scheme.Status, scheme.StartDate, scheme.EndDate, sheet.SubBranchId, sheet.SubBranchName,
                    sheet.FinalScore, sheet.FinalGrade, sheet.FinalRank,
                    db.Warnings.Count(w => w.SchemeId == scheme.Id && w.SubBranchId == own && w.Status == WarningStatus.Open)))
            .Take(200)
            .ToListAsync(cancellationToken);
    }
}

internal static class GetSheetEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/schemes/{id:guid}/sheets/{subBranchId:guid}", async Task<Ok<SheetView>> (Guid id, Guid subBranchId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSheetQuery(id, subBranchId), ct)))
            .WithName("GetSheet").WithSummary("A sub-branch's assessment sheet with its warnings and appeals (own sub-branch, or head office).");
        api.MapGet("/sheets/mine", async Task<Ok<IReadOnlyList<MySheet>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMySheetsQuery(), ct)))
            .WithName("ListMySheets").WithSummary("The assessment sheets of the caller's own sub-branch.");
    }
}
