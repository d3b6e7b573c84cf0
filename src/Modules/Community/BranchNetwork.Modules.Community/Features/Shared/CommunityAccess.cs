using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>
/// ORG-3 for the community, used by every handler. A board's audience decides who reads and posts in it: the whole branch,
/// the members of one sub-branch, or of one business line; a board outside the caller's audience does not exist for them
/// (404), and so do its threads. A board's moderators read it whatever its audience and act in it only (CM-4). The
/// auditor reads every board and changes nothing; the administrators (三员) take no part.
/// </summary>
internal sealed class CommunityAccess(ICurrentUser user, IOrgScope scope, IOrganisationDirectory directory, CommunityDbContext db)
{
    private IReadOnlyList<Guid>? ownUnits;
    private BankUserInfo? me;

    public ICurrentUser User => user;

    public Guid UserId => user.RequireUserId();

    public bool IsAuditor => user.IsInRole(BankRoles.Auditor);

    /// <summary>Creates boards: the community's moderators and head office's supervisors.</summary>
    public bool CreatesBoards => user.IsInRole(BankRoles.Moderator) || user.IsInRole(BankRoles.HeadOfficeSupervisor);

    public Task<Guid?> OwnSubBranchAsync(CancellationToken ct) => scope.GetOwnSubBranchIdAsync(ct);

    /// <summary>The caller's display name (分行督导), as named content shows its author.</summary>
    public async Task<string> DisplayNameAsync(CancellationToken ct)
    {
        me ??= await directory.FindUserAsync(UserId, ct);
        return me?.DisplayName ?? user.DisplayName ?? user.UserName ?? "";
    }

    /// <summary>The caller's unit and every unit above it: a board whose audience is one of them is the caller's.</summary>
    public async Task<IReadOnlyList<Guid>> OwnUnitsAsync(CancellationToken ct)
    {
        if (ownUnits is not null)
        {
            return ownUnits;
        }

        me ??= await directory.FindUserAsync(UserId, ct);
        var units = new List<Guid>();
        var next = me?.UnitId;
        while (next is { } id && units.Count < 16)
        {
            units.Add(id);
            next = (await directory.FindUnitAsync(id, ct))?.ParentId;
        }

        return ownUnits = units;
    }

    /// <summary>The boards the caller reads, as a query to compose (lists, feed, search, home figures).</summary>
    public async Task<IQueryable<Board>> VisibleBoardsAsync(CancellationToken ct)
    {
        if (IsAuditor)
        {
            return db.Boards;
        }

        var units = await OwnUnitsAsync(ct);
        var userId = UserId;
        return db.Boards.Where(b =>
            b.AudienceKind == BoardAudienceKind.WholeBranch
            || (b.AudienceUnitId != null && units.Contains(b.AudienceUnitId.Value))
            || db.BoardModerators.Any(m => m.BoardId == b.Id && m.UserId == userId));
    }

    public async Task<bool> CanReadAsync(Board board, CancellationToken ct)
    {
        if (IsAuditor || board.AudienceKind == BoardAudienceKind.WholeBranch || board.IsModerator(UserId))
        {
            return true;
        }

        return board.AudienceUnitId is { } unit && (await OwnUnitsAsync(ct)).Contains(unit);
    }

    /// <summary>The board with its moderators, or 404 <c>community.board_not_found</c> when the caller may not read it.</summary>
    public async Task<Board> ReadableBoardAsync(Guid boardId, CancellationToken ct)
    {
        var board = await db.Boards.Include(b => b.Moderators).FirstOrDefaultAsync(b => b.Id == boardId, ct);
        if (board is null || !await CanReadAsync(board, ct))
        {
            throw BoardNotFound();
        }

        return board;
    }

    /// <summary>A thread the caller may read: in a readable board, and published unless the caller wrote it or moderates the board.</summary>
    public async Task<(Board Board, BoardThread Thread)> ReadableThreadAsync(Guid threadId, CancellationToken ct)
    {
        var thread = await db.Threads.FirstOrDefaultAsync(t => t.Id == threadId, ct) ?? throw ThreadNotFound();
        var board = await db.Boards.Include(b => b.Moderators).FirstAsync(b => b.Id == thread.BoardId, ct);
        if (!await CanReadAsync(board, ct) || (!thread.IsPublished && thread.AuthorId != UserId && !board.IsModerator(UserId) && !IsAuditor))
        {
            throw ThreadNotFound();
        }

        return (board, thread);
    }

    /// <summary>403 <c>community.not_moderator</c> unless the caller moderates this board (CM-4: moderators act in their boards only).</summary>
    public void EnsureModerates(Board board)
    {
        if (!board.IsModerator(UserId))
        {
            throw new ForbiddenException("community.not_moderator", DomainText.Get("NotModerator"));
        }
    }

    /// <summary>Posting takes part in the community: the auditor reads only (三员分立 keeps the administrators out too).</summary>
    public void EnsureTakesPart()
    {
        if (IsAuditor || user.IsInRole(BankRoles.SystemAdmin) || user.IsInRole(BankRoles.SecurityAdmin))
        {
            throw new ForbiddenException("community.read_only_role", DomainText.Get("ReadOnlyRole"));
        }
    }

    public static NotFoundException BoardNotFound() => new("community.board_not_found", DomainText.Get("BoardNotFound"));

    public static NotFoundException ThreadNotFound() => new("community.thread_not_found", DomainText.Get("ThreadNotFound"));
}
