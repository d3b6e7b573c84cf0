using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListModerationActions;

/// <summary>One entry of the moderation record: who did what to which item, the reason, when.</summary>
internal sealed record ModerationActionView(
    Guid Id,
    ModerationActionKind Kind,
    Guid? BoardId,
    string? BoardName,
    Guid? ThreadId,
    Guid? ReplyId,
    string Subject,
    string? TargetName,
    string? Reason,
    string ActorName,
    DateTime AtUtc);

/// <summary>
/// 管理记录 (CM-4): the moderation record, newest first, paged — for a board (<see cref="BoardId"/>) its moderators and
/// auditors; without one, every board the caller moderates (and the community-wide entries for the Moderator role),
/// everything for an auditor. Another board's record is a 403 for a reader who does not moderate it.
/// </summary>
[AnySignedInUser]
internal sealed record ListModerationActionsQuery(Guid? BoardId, int? Page, int? PageSize) : IQuery<PagedResult<ModerationActionView>>;

internal sealed class ListModerationActionsHandler(CommunityDbContext db, CommunityAccess access, ModerationDesk desk)
    : IQueryHandler<ListModerationActionsQuery, PagedResult<ModerationActionView>>
{
    public async ValueTask<PagedResult<ModerationActionView>> Handle(ListModerationActionsQuery query, CancellationToken cancellationToken)
    {
        var me = access.UserId;
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var actions = db.ModerationActions.AsNoTracking();
        if (query.BoardId is { } boardId)
        {
            var board = await access.ReadableBoardAsync(boardId, cancellationToken);
            if (!access.IsAuditor)
            {
                access.EnsureModerates(board);
            }

            actions = actions.Where(a => a.BoardId == boardId);
        }
        else if (!access.IsAuditor)
        {
            var community = desk.IsCommunityModerator;
            var mine = db.BoardModerators.Where(m => m.UserId == me).Select(m => m.BoardId);
            actions = actions.Where(a => (a.BoardId == null && community) || (a.BoardId != null && mine.Contains(a.BoardId.Value)));
        }

        var total = await actions.CountAsync(cancellationToken);
        var rows = await (
                from a in actions
                from b in db.Boards.Where(b => b.Id == a.BoardId).DefaultIfEmpty()
                orderby a.AtUtc descending, a.Id descending
                select new ModerationActionView(a.Id, a.Kind, a.BoardId, b != null ? b.Name : null, a.ThreadId, a.ReplyId, a.Subject, a.TargetName, a.Reason,
                    a.ActorName, a.AtUtc))
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<ModerationActionView>(rows, page, pageSize, total);
    }
}

internal static class ListModerationActionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/moderation/actions", async Task<Ok<PagedResult<ModerationActionView>>> (Guid? boardId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListModerationActionsQuery(boardId, page, pageSize), ct)))
            .WithName("ListCommunityModerationActions")
            .WithSummary("管理记录: the moderation record (who, what, which item, reason, when) of the boards the caller moderates, or all for auditors (CM-4).");
}
