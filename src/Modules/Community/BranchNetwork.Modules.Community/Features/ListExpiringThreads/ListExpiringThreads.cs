using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListExpiringThreads;

/// <summary>A published thread whose board's content expiry closes or archives it soon.</summary>
internal sealed record ExpiringThreadItem(Guid ThreadId, Guid BoardId, string BoardName, string Title, AuthorDto Author, DateTime ExpiresAtUtc, ExpiryAction Action);

/// <summary>即将到期 (CM-4, SPEC §9): the threads of the boards the caller moderates that expire in the next 7 days, soonest first.</summary>
[AnySignedInUser]
internal sealed record ListExpiringThreadsQuery(int? Page, int? PageSize) : IQuery<PagedResult<ExpiringThreadItem>>;

internal sealed class ListExpiringThreadsHandler(CommunityDbContext db, CommunityAccess access, IClock clock)
    : IQueryHandler<ListExpiringThreadsQuery, PagedResult<ExpiringThreadItem>>
{
    public const int WindowDays = 7;

    public async ValueTask<PagedResult<ExpiringThreadItem>> Handle(ListExpiringThreadsQuery query, CancellationToken cancellationToken)
    {
        var me = access.UserId;
        var now = clock.UtcNow;
        var until = now.AddDays(WindowDays);
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var mine = db.BoardModerators.Where(m => m.UserId == me).Select(m => m.BoardId);
        var expiring = db.Threads.AsNoTracking()
            .Where(t => t.State == PostState.Published && t.ExpiresAtUtc != null && t.ExpiresAtUtc <= until && mine.Contains(t.BoardId));
        var total = await expiring.CountAsync(cancellationToken);
        var rows = await expiring
            .Join(db.Boards, t => t.BoardId, b => b.Id, (t, b) => new { t, BoardName = b.Name, b.ExpiryAction })
            .OrderBy(x => x.t.ExpiresAtUtc).ThenBy(x => x.t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<ExpiringThreadItem>(
            [.. rows.Select(x => new ExpiringThreadItem(x.t.Id, x.t.BoardId, x.BoardName, x.t.Title, AuthorDto.Of(x.t), x.t.ExpiresAtUtc!.Value, x.ExpiryAction))],
            page, pageSize, total);
    }
}

internal static class ListExpiringThreadsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/moderation/expiring", async Task<Ok<PagedResult<ExpiringThreadItem>>> (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListExpiringThreadsQuery(page, pageSize), ct)))
            .WithName("ListCommunityExpiringThreads")
            .WithSummary("即将到期: threads of the boards the caller moderates that close or archive within 7 days (CM-4).");
}
