using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.GetApprovalPanel;

/// <summary>A step of the current round the request may be returned to (退回): its index and name.</summary>
internal sealed record ResourceReturnTarget(int Index, string Name);

/// <summary>
/// What the approval panel needs to act on a request: its state and version, what is asked and granted so far (the
/// ceiling of a partial approval), the deciding step and the earlier steps it may go back to, and what the caller may do.
/// </summary>
internal sealed record ResourceApprovalPanelView(
    Guid RequestId,
    ResourceKind Kind,
    RequestState State,
    decimal Asked,
    decimal? Granted,
    string? Unit,
    string RequesterName,
    int? CurrentStepIndex,
    string? CurrentStepName,
    IReadOnlyList<ResourceReturnTarget> ReturnTargets,
    bool CanDecide,
    bool CanFulfil,
    long Version);

/// <summary>
/// RR-2: a request as its approval panel shows it, for whoever may read the request (ORG-3; anyone else 404): the
/// requester's sub-branch, its approvers, head office's supervisors and the auditor.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Auditor)]
internal sealed record GetApprovalPanelQuery(Guid RequestId) : IQuery<ResourceApprovalPanelView>;

internal sealed class GetApprovalPanelHandler(ResourcesDbContext db, ResourcesAccess access) : IQueryHandler<GetApprovalPanelQuery, ResourceApprovalPanelView>
{
    public async ValueTask<ResourceApprovalPanelView> Handle(GetApprovalPanelQuery query, CancellationToken cancellationToken)
    {
        var request = await db.RequestsWithSteps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.RequestId, cancellationToken)
            ?? throw ResourcesAccess.RequestNotFound();
        await access.EnsureCanReadAsync(request, cancellationToken);
        var may = RequestPermissions.For(request, access.User.RequireUserId(), access.IsSupervisor);
        var step = request.CurrentStep;
        var targets = step is null ? [] : request.CurrentRoundSteps.Where(s => s.Index < step.Index).Select(s => new ResourceReturnTarget(s.Index, s.Name)).ToList();
        return new ResourceApprovalPanelView(
            request.Id, request.Kind, request.State, request.Asked, request.Granted, request.Unit, request.RequesterName,
            request.CurrentStepIndex, step?.Name, targets, may.Decide, may.Fulfil, request.Version);
    }
}

internal static class GetApprovalPanelEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/requests/{id:guid}/approval", async Task<Ok<ResourceApprovalPanelView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetApprovalPanelQuery(id), ct)))
            .WithName("GetResourceApprovalPanel")
            .WithSummary("A request as its approval panel shows it: state, version, asked and granted, the deciding step, return targets, what the caller may do (RR-2).");
}
