using BranchNetwork.Modules.Assessment.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Assessment.Features.ListIndicators;

/// <summary>The indicator library (AS-1) by code, a page at a time.</summary>
[AnySignedInUser]
internal sealed record ListIndicatorsQuery(bool IncludeRetired, int? Page = null, int? PageSize = null) : IQuery<PagedResult<IndicatorDto>>;

internal sealed class ListIndicatorsHandler(AssessmentDbContext db, ICurrentUser user) : IQueryHandler<ListIndicatorsQuery, PagedResult<IndicatorDto>>
{
    public async ValueTask<PagedResult<IndicatorDto>> Handle(ListIndicatorsQuery query, CancellationToken cancellationToken)
    {
        user.RequireUserId();
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var indicators = db.Indicators.AsNoTracking().Where(i => query.IncludeRetired || !i.IsRetired);
        var total = await indicators.CountAsync(cancellationToken);
        // Codes are unique, so the order is total and pages never overlap.
        var items = await indicators.OrderBy(i => i.Code).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<IndicatorDto>(items.Select(IndicatorDto.From).ToList(), page, size, total);
    }
}

internal static class ListIndicatorsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/indicators", async Task<Ok<PagedResult<IndicatorDto>>> (bool? includeRetired, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListIndicatorsQuery(includeRetired ?? false, page, pageSize), ct)))
            .WithName("ListIndicators").WithSummary("The indicator library (AS-1), by code; ?page=&pageSize= (at most 200).");
}
