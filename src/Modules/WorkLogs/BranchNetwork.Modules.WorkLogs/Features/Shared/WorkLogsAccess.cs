using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.WorkLogs.Features.Shared;

/// <summary>
/// ORG-3 for daily logs, used by every handler. Members of a sub-branch write their own logs (head office has none to
/// write). A submitted log is read by its author, by the head, department managers and accounting supervisor of its
/// sub-branch, by head office's supervisors, and — when the author shared it with the team — by colleagues of the same
/// sub-branch. A draft is its author's alone. Anyone else learns nothing (404). Templates are kept by SystemAdmin and
/// TaskAdmin. The auditor reads logs through the audit module, not here.
/// </summary>
internal sealed class WorkLogsAccess(ICurrentUser user, IOrgScope scope)
{
    public ICurrentUser User => user;

    public bool IsSupervisor => user.IsInRole(BankRoles.HeadOfficeSupervisor);

    /// <summary>The head and the managers of a sub-branch read and follow up its members' logs.</summary>
    public bool IsManagerRole =>
        user.IsInRole(BankRoles.SubBranchHead) || user.IsInRole(BankRoles.DepartmentManager) || user.IsInRole(BankRoles.AccountingSupervisor);

    public bool KeepsTemplates => user.IsInRole(BankRoles.SystemAdmin) || user.IsInRole(BankRoles.TaskAdmin);

    public Task<Guid?> OwnSubBranchAsync(CancellationToken ct) => scope.GetOwnSubBranchIdAsync(ct);

    /// <summary>A manager of that very sub-branch, or a head office supervisor: reads every log of it and its statistics.</summary>
    public async Task<bool> SupervisesSubBranchAsync(Guid subBranchId, CancellationToken ct) =>
        IsSupervisor || (IsManagerRole && await scope.GetOwnSubBranchIdAsync(ct) == subBranchId);

    public async Task<bool> CanReadAsync(DailyLog log, CancellationToken ct)
    {
        var me = user.RequireUserId();
        if (log.AuthorId == me)
        {
            return true;
        }

        if (log.State != LogState.Submitted)
        {
            return false;
        }

        if (await SupervisesSubBranchAsync(log.SubBranchId, ct))
        {
            return true;
        }

        return log.SharedWithTeam && await scope.GetOwnSubBranchIdAsync(ct) == log.SubBranchId;
    }

    /// <summary>404 <c>worklogs.log_not_found</c> for a log the caller may not read: its existence is not disclosed.</summary>
    public async Task EnsureCanReadAsync(DailyLog log, CancellationToken ct)
    {
        if (!await CanReadAsync(log, ct))
        {
            throw LogNotFound();
        }
    }

    public static NotFoundException LogNotFound() => new("worklogs.log_not_found", DomainText.Get("LogNotFound"));
}
