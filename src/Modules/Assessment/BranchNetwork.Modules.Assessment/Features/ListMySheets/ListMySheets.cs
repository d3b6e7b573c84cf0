using BranchNetwork.Modules.Assessment.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.ListMySheets;

internal sealed record MySheet(Guid SchemeId, string SchemeName, SchemeStatus Status, DateOnly StartDate, DateOnly EndDate, Guid SubBranchId, string SubBranchName, decimal? FinalScore, Grade? FinalGrade, int? FinalRank, int OpenWarnings);

/// <summary>The sheets of the caller's own sub-branch, newest period first, a page at a time.</summary>
[AnySignedInUser]
internal sealed record ListMySheetsQuery(int? Page = null, int? PageSize = null) : IQuery<PagedResult<MySheet>>;

internal sealed class ListMySheetsHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListMySheetsQuery, PagedResult<MySheet>>
{
    public async ValueTask<PagedResult<MySheet>> Handle(ListMySheetsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        if (await access.OwnSubBranchAsync(cancellationToken) is not { } own)
        {
            return new PagedResult<MySheet>([], page, size, 0);
        }

        var sheets = db.Sheets.AsNoTracking().Where(s => s.SubBranchId == own);
        var total = await sheets.CountAsync(cancellationToken);
        var items = await (
                from sheet in sheets
                join scheme in db.Schemes on sheet.SchemeId equals scheme.Id
                orderby scheme.StartDate descending, scheme.Name, scheme.Id
                select new MySheet(
                    scheme.Id, scheme.Name, scheme.Status, scheme.StartDate, scheme.EndDate, sheet.SubBranchId, sheet.SubBranchName,
                    sheet.FinalScore, sheet.FinalGrade, sheet.FinalRank,
                    db.Warnings.Count(w => w.SchemeId == scheme.Id && w.SubBranchId == own && w.Status == WarningStatus.Open)))
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return new PagedResult<MySheet>(items, page, size, total);
    }
}

internal static class ListMySheetsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sheets/mine", async Task<Ok<PagedResult<MySheet>>> (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMySheetsQuery(page, pageSize), ct)))
            .WithName("ListMySheets").WithSummary("The assessment sheets of the caller's own sub-branch, newest period first; ?page=&pageSize=.");
}
