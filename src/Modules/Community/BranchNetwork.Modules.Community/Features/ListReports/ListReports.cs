using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListReports;

/// <summary>An open report: the item, its author as readers see them, the reason and when; never who reported it.</summary>
internal sealed record OpenReportItem(
    Guid ReportId,
    Guid ItemId,
    bool IsReply,
    Guid BoardId,
    string BoardName,
    Guid ThreadId,
    string ThreadTitle,
    string Excerpt,
    AuthorDto Author,
    string Reason,
    DateTime ReportedAtUtc);

/// <summary>举报 queue (CM-4): the open reports of the boards the caller moderates, oldest first, paged.</summary>
[AnySignedInUser]
internal sealed record ListReportsQuery(Guid? BoardId, int? Page, int? PageSize) : IQuery<PagedResult<OpenReportItem>>;

internal sealed class ListReportsHandler(CommunityDbContext db, CommunityAccess access) : IQueryHandler<ListReportsQuery, PagedResult<OpenReportItem>>
{
    public async ValueTask<PagedResult<OpenReportItem>> Handle(ListReportsQuery query, CancellationToken cancellationToken)
    {
        var me = access.UserId;
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var mine = db.BoardModerators.Where(m => m.UserId == me && (query.BoardId == null || m.BoardId == query.BoardId)).Select(m => m.BoardId);
        var open = db.Reports.AsNoTracking().Where(r => r.State == ReportState.Open && mine.Contains(r.BoardId));
        var total = await open.CountAsync(cancellationToken);
        var rows = await (
                from r in open
                join t in db.Threads on r.ThreadId equals t.Id
                join b in db.Boards on r.BoardId equals b.Id
                from p in db.Replies.Where(p => p.Id == r.ReplyId).DefaultIfEmpty()
                orderby r.CreatedAtUtc, r.Id
                select new
                {
                    r.Id,
                    r.TargetId,
                    r.ReplyId,
                    r.BoardId,
                    BoardName = b.Name,
                    r.ThreadId,
                    t.Title,
                    r.Reason,
                    r.CreatedAtUtc,
                    Text = p != null ? p.BodyText : t.BodyText,
                    AuthorId = p != null ? p.AuthorId : t.AuthorId,
                    AuthorName = p != null ? p.AuthorName : t.AuthorName,
                    Pseudonym = p != null ? p.Pseudonym : t.Pseudonym,
                })
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var items = rows.Select(x => new OpenReportItem(x.Id, x.TargetId, x.ReplyId is not null, x.BoardId, x.BoardName, x.ThreadId, x.Title,
            ModerationDesk.Snippet(x.Text), AuthorDto.Of(x.AuthorId, x.AuthorName, x.Pseudonym), x.Reason, x.CreatedAtUtc)).ToList();
        return new PagedResult<OpenReportItem>(items, page, pageSize, total);
    }
}

internal static class ListReportsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/moderation/reports", async Task<Ok<PagedResult<OpenReportItem>>> (Guid? boardId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListReportsQuery(boardId, page, pageSize), ct)))
            .WithName("ListCommunityReports")
            .WithSummary("举报: open reports of the boards the caller moderates, oldest first (CM-4).");
}
