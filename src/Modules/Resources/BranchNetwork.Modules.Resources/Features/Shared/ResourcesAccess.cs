using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Resources.Features.Shared;

/// <summary>
/// ORG-3 for resource requests, used by every handler. A sub-branch's head and department managers file requests and read
/// their own sub-branch's; an approver reads the requests they are (or were) an approver of and acts at their step;
/// head office's supervisors read every request and confirm delivery; the auditor reads every request and changes
/// nothing. SystemAdmin keeps the routes. Staff and everyone else have nothing here (403), and a request a caller may not
/// read is not found (404): its existence is not disclosed.
/// </summary>
internal sealed class ResourcesAccess(ICurrentUser user, IOrgScope scope, IOrganisationDirectory directory)
{
    public ICurrentUser User => user;

    public bool IsSupervisor => user.IsInRole(BankRoles.HeadOfficeSupervisor);

    public bool IsAuditor => user.IsInRole(BankRoles.Auditor);

    /// <summary>Reads every request of every sub-branch.</summary>
    public bool ReadsAll => IsSupervisor || IsAuditor;

    /// <summary>Files requests for their own sub-branch.</summary>
    public bool IsRequesterRole => user.IsInRole(BankRoles.SubBranchHead) || user.IsInRole(BankRoles.DepartmentManager);

    public bool KeepsRoutes => user.IsInRole(BankRoles.SystemAdmin);

    public Task<Guid?> OwnSubBranchAsync(CancellationToken ct) => scope.GetOwnSubBranchIdAsync(ct);

    /// <summary>The caller as requests show people: id and display name.</summary>
    public async Task<Person> MeAsync(CancellationToken ct)
    {
        var id = user.RequireUserId();
        var info = await directory.FindUserAsync(id, ct);
        return new Person(id, info?.DisplayName ?? user.UserName ?? id.ToString());
    }

    public async Task<bool> CanReadAsync(ResourceRequest request, CancellationToken ct)
    {
        var me = user.RequireUserId();
        if (request.RequesterId == me)
        {
            return true;
        }

        // A draft is its requester's alone, head office included; once submitted, the sub-branch's heads and managers
        // follow it.
        if (request.State == RequestState.Draft)
        {
            return false;
        }

        if (ReadsAll)
        {
            return true;
        }

        if (IsRequesterRole && await scope.GetOwnSubBranchIdAsync(ct) == request.SubBranchId)
        {
            return true;
        }

        return request.Round > 0 && request.HasApprover(me);
    }

    /// <summary>404 <c>resources.request_not_found</c> for a request the caller may not read.</summary>
    public async Task EnsureCanReadAsync(ResourceRequest request, CancellationToken ct)
    {
        if (!await CanReadAsync(request, ct))
        {
            throw RequestNotFound();
        }
    }

    public static NotFoundException RequestNotFound() => new("resources.request_not_found", DomainText.Get("RequestNotFound"));
}
