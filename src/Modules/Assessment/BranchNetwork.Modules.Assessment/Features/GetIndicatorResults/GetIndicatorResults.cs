using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.GetIndicatorResults;

internal sealed record IndicatorResultRow(Guid SubBranchId, string SubBranchCode, string SubBranchName, decimal Target, decimal? Actual, DateOnly? ActualAsOf, decimal Completion, decimal Score, bool Behind, int Rank);

internal sealed record IndicatorResults(Guid SchemeId, IndicatorColumn Indicator, decimal TimeProgress, IReadOnlyList<IndicatorResultRow> Rows);

/// <summary>AS-5: one indicator across all sub-branches, best completion first (standard competition ranking).</summary>
[AnySignedInUser]
internal sealed record GetIndicatorResultsQuery(Guid SchemeId, Guid IndicatorId) : IQuery<IndicatorResults>;

internal sealed class GetIndicatorResultsHandler(AssessmentAccess access, SchemeResultsReader reader, IStringLocalizer<AssessmentText> text)
    : IQueryHandler<GetIndicatorResultsQuery, IndicatorResults>
{
    public async ValueTask<IndicatorResults> Handle(GetIndicatorResultsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken);
        // That indicator's cells only (one per sub-branch), not the whole grid.
        var results = await reader.ReadColumnAsync(scheme, query.IndicatorId, cancellationToken);
        var column = results.Indicators.FirstOrDefault(i => i.IndicatorId == query.IndicatorId)
            ?? throw new NotFoundException("assessment.indicator_not_found", text["IndicatorNotInScheme"]);
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

internal static class GetIndicatorResultsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}/indicators/{indicatorId:guid}/results", async Task<Ok<IndicatorResults>> (Guid id, Guid indicatorId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetIndicatorResultsQuery(id, indicatorId), ct)))
            .WithName("GetIndicatorResults").WithSummary("One indicator across all sub-branches, ranked by completion.");
}
