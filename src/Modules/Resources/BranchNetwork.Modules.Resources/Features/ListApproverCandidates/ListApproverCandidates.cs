using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.ListApproverCandidates;

/// <summary>
/// RR-2: the people a route, a transfer (转交) or an added signer (加签) may name — active head-office users holding
/// HeadOfficeSupervisor or TaskAdmin. Head office's approvers are a handful; the list is bounded by <see cref="ApproverCandidates.MaxCandidates"/>.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.SystemAdmin)]
[BoundedList("Head office's approvers (supervisors and task admins): a handful of people, at most ApproverCandidates.MaxCandidates.")]
internal sealed record ListApproverCandidatesQuery : IQuery<IReadOnlyList<ResourceApproverCandidate>>;

internal sealed class ListApproverCandidatesHandler(ApproverCandidates candidates) : IQueryHandler<ListApproverCandidatesQuery, IReadOnlyList<ResourceApproverCandidate>>
{
    public async ValueTask<IReadOnlyList<ResourceApproverCandidate>> Handle(ListApproverCandidatesQuery query, CancellationToken cancellationToken) =>
        await candidates.ListAsync(cancellationToken);
}

internal static class ListApproverCandidatesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/approver-candidates", async Task<Ok<IReadOnlyList<ResourceApproverCandidate>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListApproverCandidatesQuery(), ct)))
            .WithName("ListResourceApproverCandidates")
            .WithSummary("Head-office users who may approve resource requests (supervisors, task admins), for routes, transfers and added signers.");
}
