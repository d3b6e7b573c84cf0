using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Features.RecordProgress;
using BranchNetwork.Modules.Assessment.Services;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.Modules.Assessment.Features.GetResults;

/// <summary>
/// AS-5 / AS-8: every sub-branch ranked, with completion, score, grade and the behind flag. Everyone who can
/// sign in reads a published scheme's ranking: transparency is the point of 评比推优.
/// </summary>
internal sealed record GetResultsQuery(Guid SchemeId) : IQuery<SchemeResults>;

internal sealed class GetResultsHandler(AssessmentAccess access, SchemeResultsReader reader) : IQueryHandler<GetResultsQuery, SchemeResults>
{
    public async ValueTask<SchemeResults> Handle(GetResultsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken);
        return await reader.ReadAsync(scheme, cancellationToken);
    }
}

internal sealed record IndicatorResultRow(Guid SubBranchId, string SubBranchCode, string SubBranchName, decimal Target, decimal? Actual, DateOnly? ActualAsOf, decimal Completion, decimal Score, bool Behind, int Rank);

internal sealed record IndicatorResults(Guid SchemeId, IndicatorColumn Indicator, decimal TimeProgress, IReadOnlyList<IndicatorResultRow> Rows);

/// <summary>AS-5: one indicator across all sub-branches, best completion first (standard competition ranking).</summary>
internal sealed record GetIndicatorResultsQuery(Guid SchemeId, Guid IndicatorId) : IQuery<IndicatorResults>;

internal sealed class GetIndicatorResultsHandler(AssessmentAccess access, SchemeResultsReader reader, Microsoft.Extensions.Localization.IStringLocalizer<Resources.AssessmentText> text)
    : IQueryHandler<GetIndicatorResultsQuery, IndicatorResults>
{
    public async ValueTask<IndicatorResults> Handle(GetIndicatorResultsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken);
        var results = await reader.ReadAsync(scheme, cancellationToken);
        var column = results.Indicators.FirstOrDefault(i => i.IndicatorId == query.IndicatorId)
            ?? throw new SharedKernel.Errors.NotFoundException("assessment.indicator_not_found", text["IndicatorNotInScheme"]);
        var rows = results.Rows
            .Select(r => (Row: r, Cell: r.Cells.First(c => c.IndicatorId == query.IndicatorId)))
            .OrderByDescending(x => x.Cell.Completion).ThenBy(x => x.Row.SubBranchCode, StringComparer.Ordinal)
            .ToList();
        var ranked = new List<IndicatorResultRow>(rows.Count);
        for (var n = 0; n < rows.Count; n++)
        {
            var rank = n > 0 && rows[n].Cell.Completion == rows[n - 1].Cell.Completion ? ranked[n - 1].Rank : n + 1;
            var (row, cell) = rows[n];
            ranked.Add(new IndicatorResultRow(row.SubBranchId, row.SubBranchCode, row.SubBranchName, cell.Target, cell.Actual, cell.ActualAsOf, cell.Completion, cell.Score, cell.Behind, rank));
        }

        return new IndicatorResults(scheme.Id, column, results.TimeProgress, ranked);
    }
}

internal sealed record TrendPoint(DateOnly Date, decimal Value, decimal Completion, decimal TimeProgress);

internal sealed record CellTrend(Guid SchemeId, Guid SubBranchId, IndicatorColumn Indicator, decimal Target, IReadOnlyList<TrendPoint> Points, IReadOnlyList<ProgressEntryDto> History);

/// <summary>AS-5: trend of one cell (entries in force by date) and its full history, corrections included.</summary>
internal sealed record GetTrendQuery(Guid SchemeId, Guid SubBranchId, Guid IndicatorId) : IQuery<CellTrend>;

internal sealed class GetTrendHandler(AssessmentDbContext db, AssessmentAccess access, Microsoft.Extensions.Localization.IStringLocalizer<Resources.AssessmentText> text)
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
            throw new SharedKernel.Errors.NotFoundException("assessment.indicator_not_found", text["IndicatorNotInScheme"]);
        }

        var history = await db.ProgressEntries.AsNoTracking()
            .Where(e => e.SchemeId == scheme.Id && e.SubBranchId == query.SubBranchId && e.IndicatorId == query.IndicatorId)
            .OrderBy(e => e.Date).ThenBy(e => e.EnteredAtUtc)
            .ToListAsync(cancellationToken);
        var superseded = history.Where(e => e.SupersedesEntryId is not null).Select(e => e.SupersedesEntryId!.Value).ToHashSet();
        var points = history.Where(e => !superseded.Contains(e.Id))
            .GroupBy(e => e.Date)
            .Select(g => g.Last())
            .Select(e => new TrendPoint(
                e.Date,
                e.Value,
                ScoringEngine.Round(ScoringEngine.Completion(target.Value, e.Value, line.Direction, line.RuleCap), 4),
                ScoringEngine.Round(scheme.TimeProgress(e.Date), 4)))
            .ToList();
        var column = new IndicatorColumn(line.IndicatorId, line.Code, line.Name, line.Unit, line.Weight, line.Direction, line.AllowSubBranchEntry);
        return new CellTrend(scheme.Id, query.SubBranchId, column, target.Value, points, history.Select(ProgressWriter.ToDto).ToList());
    }
}

internal static class GetResultsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/schemes/{id:guid}/results", async Task<Ok<SchemeResults>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetResultsQuery(id), ct)))
            .WithName("GetResults").WithSummary("All sub-branches of a scheme: completion, score, grade, rank and the behind flag (AS-5, AS-8).");
        api.MapGet("/schemes/{id:guid}/indicators/{indicatorId:guid}/results", async Task<Ok<IndicatorResults>> (Guid id, Guid indicatorId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetIndicatorResultsQuery(id, indicatorId), ct)))
            .WithName("GetIndicatorResults").WithSummary("One indicator across all sub-branches, ranked by completion.");
        api.MapGet("/schemes/{id:guid}/sheets/{subBranchId:guid}/indicators/{indicatorId:guid}/trend", async Task<Ok<CellTrend>> (Guid id, Guid subBranchId, Guid indicatorId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTrendQuery(id, subBranchId, indicatorId), ct)))
            .WithName("GetTrend").WithSummary("Trend and full history of one sub-branch × indicator (own sub-branch, or head office).");
    }
}
