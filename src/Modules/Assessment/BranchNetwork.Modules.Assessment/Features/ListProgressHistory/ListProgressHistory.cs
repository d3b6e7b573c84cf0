using BranchNetwork.Modules.Assessment.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.ListProgressHistory;

/// <summary>AS-4: the history of one sub-branch × indicator, newest first, after a cursor from the previous page.</summary>
[AnySignedInUser]
internal sealed record ListProgressHistoryQuery(Guid SchemeId, Guid SubBranchId, Guid IndicatorId, string? After, int? PageSize) : IQuery<KeysetPage<ProgressEntryDto>>;

internal sealed class ListProgressHistoryHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListProgressHistoryQuery, KeysetPage<ProgressEntryDto>>
{
    public async ValueTask<KeysetPage<ProgressEntryDto>> Handle(ListProgressHistoryQuery query, CancellationToken cancellationToken)
    {
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken, withIndicators: false);
        await access.EnsureCanSeeSubBranchAsync(query.SubBranchId, cancellationToken);
        var size = Keyset.Size(query.PageSize);
        var cell = db.ProgressEntries.AsNoTracking().Where(e => e.SchemeId == scheme.Id && e.SubBranchId == query.SubBranchId && e.IndicatorId == query.IndicatorId);
        var fetched = await ProgressHistory.After(cell, query.After).Take(size + 1).ToListAsync(cancellationToken);
        return ProgressHistory.Page(fetched.Select(ProgressWriter.ToDto).ToList(), size);
    }
}

internal static class ListProgressHistoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}/sheets/{subBranchId:guid}/indicators/{indicatorId:guid}/history", async Task<Ok<KeysetPage<ProgressEntryDto>>> (Guid id, Guid subBranchId, Guid indicatorId, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProgressHistoryQuery(id, subBranchId, indicatorId, after, pageSize), ct)))
            .WithName("ListProgressHistory").WithSummary("Progress entries of one cell, newest first; ?after=<next of the previous page>&pageSize= (at most 200).");
}
