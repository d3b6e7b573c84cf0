using BranchNetwork.Modules.Assessment.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.ListResultComments;

/// <summary>Comments on a scheme's results, newest first, a keyset page at a time (send <c>next</c> back as <c>after</c>).</summary>
[AnySignedInUser]
internal sealed record ListResultCommentsQuery(Guid SchemeId, string? After = null, int? PageSize = null) : IQuery<KeysetPage<ResultCommentDto>>;

internal sealed class ListResultCommentsHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListResultCommentsQuery, KeysetPage<ResultCommentDto>>
{
    public async ValueTask<KeysetPage<ResultCommentDto>> Handle(ListResultCommentsQuery query, CancellationToken cancellationToken)
    {
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken, withIndicators: false);
        var size = Keyset.Size(query.PageSize);
        var comments = Keyset.After(db.ResultComments.AsNoTracking().Where(c => c.SchemeId == scheme.Id), query.After);
        var fetched = await comments.OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id).Take(size + 1)
            .Select(c => new ResultCommentDto(c.Id, c.AuthorName, c.Body, c.CreatedAtUtc)).ToListAsync(cancellationToken);
        return Keyset.Page(fetched, size, c => (c.CreatedAt, c.Id));
    }
}

internal static class ListResultCommentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}/comments", async Task<Ok<KeysetPage<ResultCommentDto>>> (Guid id, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListResultCommentsQuery(id, after, pageSize), ct)))
            .WithName("ListResultComments").WithSummary("Comments on a scheme's results, newest first; ?after=<next>&pageSize= (at most 200).");
}
