using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.RecallRequest;

/// <summary>
/// RR-2 撤回: the requester takes a submitted request back to a draft, as long as no approver has opened it (409
/// <c>resources.already_opened</c> afterwards). Whoever was asked to decide is told it was recalled.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager)]
internal sealed record RecallResourceRequestCommand(Guid RequestId) : ICommand<ResourceRequestDetail>;

internal sealed class RecallResourceRequestHandler(
    ResourcesDbContext db, ResourcesAccess access, RequestNotifier notifier, OutboxProcessor outbox, IClock clock)
    : ICommandHandler<RecallResourceRequestCommand, ResourceRequestDetail>
{
    public async ValueTask<ResourceRequestDetail> Handle(RecallResourceRequestCommand command, CancellationToken cancellationToken)
    {
        var me = await access.MeAsync(cancellationToken);
        var request = await RequestViews.ChangeAsync(db, access, command.RequestId, null, request =>
        {
            var waiting = request.WaitingApprovers().Select(a => a.UserId).Distinct().ToList();
            request.Recall(me, clock.UtcNow);
            notifier.Notify(waiting, RequestNotifier.Text("Notify_RecalledTitle", me.Name, request.Title), RequestNotifier.Text("Notify_NoLongerWaiting", request.SubBranchName), request);
            notifier.Signal(request);
            return Task.CompletedTask;
        }, cancellationToken);
        outbox.Wake();
        return RequestViews.Detail(request, access, clock.UtcNow);
    }
}

internal static class RecallRequestEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests/{id:guid}/recall", async Task<Ok<ResourceRequestDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecallResourceRequestCommand(id), ct)))
            .WithName("RecallResourceRequest")
            .WithSummary("撤回: takes the caller's submitted request back to a draft while no approver has opened it (the requester only; 409 once opened).");
}
