using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.SubmitRequest;

/// <summary>
/// RR-1, RR-2: the requester submits their draft (or a request returned to them) along its kind's route as previewed: the
/// steps are copied onto the request, the first step starts with its due time, and its approvers are asked to decide
/// (inbox and live). A route nobody can decide is refused (409) with nothing changed.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager)]
internal sealed record SubmitResourceRequestCommand(Guid RequestId) : ICommand<ResourceRequestDetail>;

internal sealed class SubmitResourceRequestHandler(
    ResourcesDbContext db, ResourcesAccess access, ResourceSteps steps, RequestNotifier notifier, OutboxProcessor outbox, IClock clock)
    : ICommandHandler<SubmitResourceRequestCommand, ResourceRequestDetail>
{
    public async ValueTask<ResourceRequestDetail> Handle(SubmitResourceRequestCommand command, CancellationToken cancellationToken)
    {
        var me = await access.MeAsync(cancellationToken);
        var request = await RequestViews.ChangeAsync(db, access, command.RequestId, null, async request =>
        {
            var route = await steps.PlanAsync(request.Kind, request.Amount, cancellationToken)
                ?? throw new ConflictException("resources.route_without_approvers", DomainText.Get("RouteWithoutApprovers"));
            request.Submit(route, me, clock.UtcNow, steps.DueAt);
            notifier.AskWaitingApprovers(request);
            notifier.Signal(request);
        }, cancellationToken);
        outbox.Wake();
        return RequestViews.Detail(request, access, clock.UtcNow);
    }
}

internal static class SubmitRequestEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests/{id:guid}/submit", async Task<Ok<ResourceRequestDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubmitResourceRequestCommand(id), ct)))
            .WithName("SubmitResourceRequest")
            .WithSummary("Submits the caller's draft or returned request along its route; the first step's approvers are notified (the requester only; 409 for a route nobody can decide).");
}
