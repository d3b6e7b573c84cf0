using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Tasks.Features.Shared;

/// <summary>
/// ORG-3 for the Tasks module, used by every handler (pages learn what the user may do from the queries' results):
/// head office's supervisors, task admins and auditors read every sub-branch; a sub-branch's members read their own
/// sub-branch's plan and tasks; everyone else learns nothing (404). Only the sub-branch head edits the plan; the head,
/// department managers and the accounting supervisor of the sub-branch manage its weekly tasks; only head office's
/// supervisors review plans and prompt.
/// </summary>
internal sealed class TasksAccess(ICurrentUser user, IOrgScope scope)
{
    public ICurrentUser User => user;

    public bool IsSupervisor => user.IsInRole(BankRoles.HeadOfficeSupervisor);

    /// <summary>Roles that oversee the whole network: they read every sub-branch's plan and tasks.</summary>
    public bool IsHeadOfficeReader => IsSupervisor || user.IsInRole(BankRoles.TaskAdmin) || user.IsInRole(BankRoles.Auditor);

    public bool IsSubBranchHead => user.IsInRole(BankRoles.SubBranchHead);

    /// <summary>Those of a sub-branch who split measures into tasks and run its week (TK-2).</summary>
    public bool IsTaskManagerRole => IsSubBranchHead || user.IsInRole(BankRoles.DepartmentManager) || user.IsInRole(BankRoles.AccountingSupervisor);

    public Task<Guid?> OwnSubBranchAsync(CancellationToken ct) => scope.GetOwnSubBranchIdAsync(ct);

    public async Task<bool> CanReadSubBranchAsync(Guid subBranchId, CancellationToken ct) =>
        IsHeadOfficeReader || await scope.GetOwnSubBranchIdAsync(ct) == subBranchId;

    /// <summary>404 (not 403) for another sub-branch's plan or task: its existence is not disclosed.</summary>
    public async Task EnsureCanReadSubBranchAsync(Guid subBranchId, string notFoundCode, string notFoundMessage, CancellationToken ct)
    {
        if (!await CanReadSubBranchAsync(subBranchId, ct))
        {
            throw new NotFoundException(notFoundCode, notFoundMessage);
        }
    }

    /// <summary>The sub-branch head of that very sub-branch (edits and submits its plan).</summary>
    public async Task<bool> IsHeadOfAsync(Guid subBranchId, CancellationToken ct) =>
        IsSubBranchHead && await scope.GetOwnSubBranchIdAsync(ct) == subBranchId;

    /// <summary>A head, department manager or accounting supervisor of that very sub-branch (manages its weekly tasks).</summary>
    public async Task<bool> ManagesTasksOfAsync(Guid subBranchId, CancellationToken ct) =>
        IsTaskManagerRole && await scope.GetOwnSubBranchIdAsync(ct) == subBranchId;
}
