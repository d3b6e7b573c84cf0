using BranchNetwork.Modules.Community.Contracts;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>A board's moderator as readers see them (版主): moderators act under their names.</summary>
internal sealed record BoardModeratorView(Guid UserId, string Name);

/// <summary>The caller's membership of a board: joined (accepted the rules once), the current rules accepted, following it.</summary>
internal sealed record BoardMembershipView(bool Joined, bool RulesAccepted, bool Following);

/// <summary>What the caller may do in a board.</summary>
internal sealed record BoardPermissions(bool Post, bool PostAnonymously, bool Moderate);

/// <summary>A board in the list of boards the caller reads.</summary>
internal sealed record BoardSummary(
    Guid Id,
    string Name,
    string Description,
    BoardAudienceKind AudienceKind,
    string AudienceName,
    ReviewMode ReviewMode,
    bool AllowsAnonymous,
    bool IsArchived,
    int ThreadCount,
    BoardMembershipView Membership,
    bool IsModerator,
    string Link);

/// <summary>One board with its rules (群规), welcome message, moderators, audience, review mode, anonymity and expiry.</summary>
internal sealed record BoardDetail(
    Guid Id,
    string Name,
    string Description,
    string Rules,
    int RulesVersion,
    string WelcomeMessage,
    BoardAudienceKind AudienceKind,
    Guid? AudienceUnitId,
    string AudienceName,
    ReviewMode ReviewMode,
    bool AllowsAnonymous,
    int? ExpiryDays,
    ExpiryAction ExpiryAction,
    bool IsArchived,
    int SortOrder,
    IReadOnlyList<BoardModeratorView> Moderators,
    BoardMembershipView Membership,
    BoardPermissions Permissions,
    string Link,
    long Version);

/// <summary>The read models of boards, built in one place.</summary>
internal static class BoardViews
{
    public static BoardMembershipView Membership(Board board, BoardMember? member) =>
        new(member is { AcceptedRulesVersion: > 0 }, member?.HasAccepted(board) == true, member?.IsFollowing == true);

    public static async Task<string> AudienceNameAsync(Identity.Contracts.IOrganisationDirectory directory, Board board, CancellationToken ct) =>
        board.AudienceUnitId is { } unit ? (await directory.FindUnitAsync(unit, ct))?.Name ?? "" : "";

    public static BoardDetail Detail(Board board, BoardMember? member, string audienceName, Guid me, bool takesPart)
    {
        var moderates = board.IsModerator(me);
        var membership = Membership(board, member);
        return new BoardDetail(
            board.Id, board.Name, board.Description, board.Rules, board.RulesVersion, board.WelcomeMessage, board.AudienceKind,
            board.AudienceUnitId, audienceName, board.ReviewMode, board.AllowsAnonymous, board.ExpiryDays, board.ExpiryAction,
            board.IsArchived, board.SortOrder,
            [.. board.Moderators.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new BoardModeratorView(m.UserId, m.Name))],
            membership,
            new BoardPermissions(takesPart && !board.IsArchived, takesPart && !board.IsArchived && board.AllowsAnonymous, moderates),
            CommunityLinks.Board(board.Id),
            board.Version);
    }
}
