using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.GetTrend;

internal sealed record TrendPoint(DateOnly Date, decimal Value, decimal Completion, decimal TimeProgress);

internal sealed record CellTrend(Guid SchemeId, Guid SubBranchId, IndicatorColumn Indicator, decimal Target, IReadOnlyList<TrendPoint> Points, KeysetPage<ProgressEntryDto> History);

/// <summary>
/// AS-5: trend of one cell (the entry in force on each date) and the first page of its history, corrections included,
/// newest first; <c>history.next</c> leads to the rest (<c>GET …/history?after=</c>).
/// </summary>
[AnySignedInUser]
internal sealed record GetTrendQuery(Guid SchemeId, Guid SubBranchId, Guid IndicatorId) : IQuery<CellTrend>;

internal sealed class GetTrendHandler(AssessmentDbContext db, AssessmentAccess access, IStringLocalizer<AssessmentText> text)
    : IQueryHandler<GetTrendQuery, CellTrend>
{
    public async ValueTask<CellTrend> Handle(GetTrendQuery query, CancellationToken cancellationToken)
    {
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken);
        await access.EnsureCanSeeSubBranchAsync(query.SubBranchId, cancellationToken);
        var line = scheme.Indicators.FirstOrDefault(i => i.IndicatorId == query.IndicatorId);
        var target = await db.Targets.AsNoTracking()
            .FirstOrDefaultAsync(t => t.SchemeId == scheme.Id && t.SubBranchId == query.SubBranchId && t.IndicatorId == query.IndicatorId, cancellationToken);
        if (line is null || target is null)
        {
            throw new NotFoundException("assessment.indicator_not_found", text["IndicatorNotInScheme"]);
        }

        // The points need every entry of the cell (one per date in force, bounded by the period's days and corrections).
        var entries = await db.ProgressEntries.AsNoTracking()
            .Where(e => e.SchemeId == scheme.Id && e.SubBranchId == query.SubBranchId && e.IndicatorId == query.IndicatorId)
            .OrderBy(e => e.Date).ThenBy(e => e.EnteredAtUtc)
            .ToListAsync(cancellationToken);
        var superseded = entries.Where(e => e.SupersedesEntryId is not null).Select(e => e.SupersedesEntryId!.Value).ToHashSet();
        var points = entries.Where(e => !superseded.Contains(e.Id))
            .GroupBy(e => e.Date)
            .Select(g => g.Last())
            .Select(e => new TrendPoint(
                e.Date,
                e.Value,
                ScoringEngine.Round(ScoringEngine.Completion(target.Value, e.Value, line.Direction, line.RuleCap), 4),
                ScoringEngine.Round(scheme.TimeProgress(e.Date), 4)))
            .ToList();
        var column = new IndicatorColumn(line.IndicatorId, line.Code, line.Name, line.Unit, line.Weight, line.Direction, line.AllowSubBranchEntry);
        var newestFirst = entries.OrderByDescending(e => e.EnteredAtUtc).ThenByDescending(e => e.Id).Take(ProgressHistory.FirstPageSize + 1).Select(ProgressWriter.ToDto).ToList();
        return new CellTrend(scheme.Id, query.SubBranchId, column, target.Value, points, ProgressHistory.Page(newestFirst, ProgressHistory.FirstPageSize));
    }
}

internal static class GetTrendEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}/sheets/{subBranchId:guid}/indicators/{indicatorId:guid}/trend", async Task<Ok<CellTrend>> (Guid id, Guid subBranchId, Guid indicatorId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTrendQuery(id, subBranchId, indicatorId), ct)))
            .WithName("GetTrend").WithSummary("Trend and the first page of the history of one sub-branch × indicator (own sub-branch, or head office).");
}
