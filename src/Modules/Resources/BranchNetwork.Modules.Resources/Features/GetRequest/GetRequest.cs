using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.GetRequest;

/// <summary>
/// RR-1, RR-2: a request as its page shows it. Read by its requester, the sub-branch's heads and managers once submitted,
/// its approvers, head office's supervisors and the auditor; anyone else 404 (staff and roles without a part here 403).
/// When an approver of the deciding step opens it, the opening is recorded (审批中: the requester can no longer recall it)
/// and the requester's open page re-reads itself.
/// </summary>
[AnySignedInUser]
internal sealed record GetResourceRequestQuery(Guid RequestId) : IQuery<ResourceRequestDetail>;

internal sealed class GetResourceRequestHandler(ResourcesDbContext db, ResourcesAccess access, RequestNotifier notifier, OutboxProcessor outbox, IClock clock)
    : IQueryHandler<GetResourceRequestQuery, ResourceRequestDetail>
{
    public async ValueTask<ResourceRequestDetail> Handle(GetResourceRequestQuery query, CancellationToken cancellationToken)
    {
        var me = access.User.RequireUserId();
        if (!access.IsRequesterRole && !access.ReadsAll && !await db.StepApprovers.AnyAsync(a => a.UserId == me, cancellationToken))
        {
            throw new ForbiddenException("resources.no_access", DomainText.Get("NoAccess"));
        }

        var request = await db.RequestsWithSteps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.RequestId, cancellationToken)
            ?? throw ResourcesAccess.RequestNotFound();
        await access.EnsureCanReadAsync(request, cancellationToken);
        if (!access.IsAuditor && OpensNow(request, me))
        {
            var person = await access.MeAsync(cancellationToken);
            request = await RequestViews.ChangeAsync(db, access, request.Id, null, r =>
            {
                if (r.Open(person, clock.UtcNow))
                {
                    notifier.Signal(r);
                }

                return Task.CompletedTask;
            }, cancellationToken);
            outbox.Wake();
        }

        return RequestViews.Detail(request, access, clock.UtcNow);
    }

    private static bool OpensNow(ResourceRequest request, Guid me) =>
        !request.IsFinal && request.CurrentStep is { } step
        && step.Approvers.Any(a => a.UserId == me && a.Status == ApproverStatus.Waiting && a.OpenedAtUtc == null);
}

internal static class GetRequestEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/requests/{id:guid}", async Task<Ok<ResourceRequestDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetResourceRequestQuery(id), ct)))
            .WithName("GetResourceRequest")
            .WithSummary("A request with its steps, approvers, due times and operation record, and what the caller may do; an approver of the deciding step opening it is recorded.");
}
