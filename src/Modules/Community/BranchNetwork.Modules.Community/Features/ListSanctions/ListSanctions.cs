using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListSanctions;

/// <summary>
/// Warnings and bans (CM-4) the caller may see: those of the boards they moderate, and the community-wide ones for the
/// Moderator role; newest first, paged; <see cref="ActiveOnly"/> keeps those not ended or lifted.
/// </summary>
[AnySignedInUser]
internal sealed record ListSanctionsQuery(bool? ActiveOnly, int? Page, int? PageSize) : IQuery<PagedResult<SanctionView>>;

internal sealed class ListSanctionsHandler(CommunityDbContext db, CommunityAccess access, ModerationDesk desk, IClock clock)
    : IQueryHandler<ListSanctionsQuery, PagedResult<SanctionView>>
{
    public async ValueTask<PagedResult<SanctionView>> Handle(ListSanctionsQuery query, CancellationToken cancellationToken)
    {
        var me = access.UserId;
        var now = clock.UtcNow;
        var community = desk.IsCommunityModerator;
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var mine = db.BoardModerators.Where(m => m.UserId == me).Select(m => m.BoardId);
        var sanctions = db.Sanctions.AsNoTracking().Where(s => (s.BoardId == null && community) || (s.BoardId != null && mine.Contains(s.BoardId.Value)));
        if (query.ActiveOnly == true)
        {
            sanctions = sanctions.Where(s => s.LiftedAtUtc == null && s.EndsAtUtc > now);
        }

        var total = await sanctions.CountAsync(cancellationToken);
        var rows = await (
                from s in sanctions
                from b in db.Boards.Where(b => b.Id == s.BoardId).DefaultIfEmpty()
                orderby s.StartsAtUtc descending, s.Id descending
                select new { s, BoardName = b != null ? b.Name : null })
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<SanctionView>([.. rows.Select(r => SanctionView.Of(r.s, r.BoardName, now))], page, pageSize, total);
    }
}

internal static class ListSanctionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/moderation/sanctions", async Task<Ok<PagedResult<SanctionView>>> (bool? activeOnly, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSanctionsQuery(activeOnly, page, pageSize), ct)))
            .WithName("ListCommunitySanctions")
            .WithSummary("警告/移出: warnings and bans of the boards the caller moderates (and community-wide ones for the Moderator role), newest first (CM-4).");
}
