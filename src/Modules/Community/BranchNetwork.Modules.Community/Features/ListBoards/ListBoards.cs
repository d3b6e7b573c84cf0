using BranchNetwork.Modules.Community.Contracts;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListBoards;

/// <summary>
/// CM-1: the boards the caller reads (ORG-3: whole-branch boards, those of their own sub-branch or business line, and
/// those they moderate), with their membership of each — joined, current rules accepted, following. Archived boards
/// only with <c>?archived=true</c>.
/// </summary>
[AnySignedInUser]
[BoundedList("The boards of one branch: created by its moderators and head office, tens at most.")]
internal sealed record ListBoardsQuery(bool Archived) : IQuery<IReadOnlyList<BoardSummary>>;

internal sealed class ListBoardsHandler(CommunityDbContext db, CommunityAccess access, IOrganisationDirectory directory)
    : IQueryHandler<ListBoardsQuery, IReadOnlyList<BoardSummary>>
{
    private const int Cap = 500;

    public async ValueTask<IReadOnlyList<BoardSummary>> Handle(ListBoardsQuery query, CancellationToken cancellationToken)
    {
        var me = access.UserId;
        var boards = await (await access.VisibleBoardsAsync(cancellationToken))
            .AsNoTracking()
            .Include(b => b.Moderators)
            .Where(b => b.IsArchived == query.Archived)
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Name)
            .Take(Cap)
            .ToListAsync(cancellationToken);
        var ids = boards.Select(b => b.Id).ToList();
        var members = await db.Members.AsNoTracking().Where(m => m.UserId == me && ids.Contains(m.BoardId)).ToDictionaryAsync(m => m.BoardId, cancellationToken);
        var counts = await db.Threads.AsNoTracking()
            .Where(t => ids.Contains(t.BoardId) && t.State == PostState.Published && !t.IsArchived)
            .GroupBy(t => t.BoardId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var result = new List<BoardSummary>(boards.Count);
        foreach (var board in boards)
        {
            result.Add(new BoardSummary(
                board.Id, board.Name, board.Description, board.AudienceKind, await BoardViews.AudienceNameAsync(directory, board, cancellationToken),
                board.ReviewMode, board.AllowsAnonymous, board.IsArchived, counts.GetValueOrDefault(board.Id),
                BoardViews.Membership(board, members.GetValueOrDefault(board.Id)), board.IsModerator(me), CommunityLinks.Board(board.Id)));
        }

        return result;
    }
}

internal static class ListBoardsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/boards", async Task<Ok<IReadOnlyList<BoardSummary>>> (bool? archived, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListBoardsQuery(archived ?? false), ct)))
            .WithName("ListCommunityBoards")
            .WithSummary("The boards the caller reads (ORG-3: by audience), with the caller's membership: joined, rules accepted, following (CM-1).");
}
