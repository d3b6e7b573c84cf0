using BranchNetwork.Modules.Assessment.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.ListSchemes;

/// <summary>A scheme in a list; <see cref="CanEdit"/> says whether the caller opens it in the editor (a draft, for a TaskAdmin).</summary>
internal sealed record SchemeSummary(Guid Id, string Name, PeriodKind PeriodKind, DateOnly StartDate, DateOnly EndDate, SchemeKind Kind, SchemeStatus Status, DateTime? PublishedAt, DateTime? ClosedAt, bool CanEdit);

/// <summary>Schemes the user may see, newest period first, a page at a time: drafts only for head-office roles.</summary>
[AnySignedInUser]
internal sealed record ListSchemesQuery(SchemeStatus? Status, int? Page = null, int? PageSize = null) : IQuery<PagedResult<SchemeSummary>>;

internal sealed class ListSchemesHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListSchemesQuery, PagedResult<SchemeSummary>>
{
    public async ValueTask<PagedResult<SchemeSummary>> Handle(ListSchemesQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var schemes = db.Schemes.AsNoTracking();
        if (!access.IsHeadOfficeRole)
        {
            schemes = schemes.Where(s => s.Status != SchemeStatus.Draft);
        }

        if (query.Status is { } status)
        {
            schemes = schemes.Where(s => s.Status == status);
        }

        var editor = access.IsTaskAdmin;
        var total = await schemes.CountAsync(cancellationToken);
        var items = await schemes.OrderByDescending(s => s.StartDate).ThenBy(s => s.Name).ThenBy(s => s.Id).Skip((page - 1) * size).Take(size)
            .Select(s => new SchemeSummary(s.Id, s.Name, s.PeriodKind, s.StartDate, s.EndDate, s.Kind, s.Status, s.PublishedAtUtc, s.ClosedAtUtc, editor && s.Status == SchemeStatus.Draft))
            .ToListAsync(cancellationToken);
        return new PagedResult<SchemeSummary>(items, page, size, total);
    }
}

internal static class ListSchemesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes", async Task<Ok<PagedResult<SchemeSummary>>> (SchemeStatus? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSchemesQuery(status, page, pageSize), ct)))
            .WithName("ListSchemes").WithSummary("Assessment schemes visible to the caller, newest period first (AS-2); ?page=&pageSize= (at most 200).");
}
