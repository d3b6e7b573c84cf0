namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>
/// A warning or ban as moderators see it: the user as readers saw them on the content (the pseudonym when it was
/// anonymous) — never the account's id.
/// </summary>
internal sealed record SanctionView(
    Guid Id,
    SanctionKind Kind,
    Guid? BoardId,
    string? BoardName,
    string TargetName,
    bool IsAnonymous,
    Guid? ThreadId,
    Guid? ReplyId,
    string Reason,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string ByName,
    DateTime? LiftedAtUtc,
    bool IsActive)
{
    public static SanctionView Of(Sanction s, string? boardName, DateTime nowUtc) =>
        new(s.Id, s.Kind, s.BoardId, boardName, s.TargetName, s.IsAnonymous, s.ThreadId, s.ReplyId, s.Reason, s.StartsAtUtc, s.EndsAtUtc, s.ByName,
            s.LiftedAtUtc, s.IsActiveAt(nowUtc));
}
