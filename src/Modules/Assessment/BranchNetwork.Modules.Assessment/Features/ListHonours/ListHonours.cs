using BranchNetwork.Modules.Assessment.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.ListHonours;

/// <summary>Honours conferred on a scheme's results, in the order they were awarded, a page at a time.</summary>
[AnySignedInUser]
internal sealed record ListHonoursQuery(Guid SchemeId, int? Page = null, int? PageSize = null) : IQuery<PagedResult<HonourDto>>;

internal sealed class ListHonoursHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListHonoursQuery, PagedResult<HonourDto>>
{
    public async ValueTask<PagedResult<HonourDto>> Handle(ListHonoursQuery query, CancellationToken cancellationToken)
    {
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken, withIndicators: false);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var honours = db.Honours.AsNoTracking().Where(h => h.SchemeId == scheme.Id);
        var total = await honours.CountAsync(cancellationToken);
        var items = await honours.OrderBy(h => h.CreatedAtUtc).ThenBy(h => h.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<HonourDto>(items.Select(HonourDto.From).ToList(), page, size, total);
    }
}

internal static class ListHonoursEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}/honours", async Task<Ok<PagedResult<HonourDto>>> (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListHonoursQuery(id, page, pageSize), ct)))
            .WithName("ListHonours").WithSummary("Honours conferred on a scheme's results; ?page=&pageSize=.");
}
