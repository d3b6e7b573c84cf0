using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.WithdrawRequest;

/// <summary>
/// RR-1 撤销: the requester gives a request up before the first decision (409 <c>resources.already_decided</c> once an
/// approver has decided, nothing changed). Whoever was asked to decide is told it was withdrawn.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager)]
internal sealed record WithdrawResourceRequestCommand(Guid RequestId) : ICommand<ResourceRequestDetail>;

internal sealed class WithdrawResourceRequestHandler(
    ResourcesDbContext db, ResourcesAccess access, RequestNotifier notifier, OutboxProcessor outbox, IClock clock)
    : ICommandHandler<WithdrawResourceRequestCommand, ResourceRequestDetail>
{
    public async ValueTask<ResourceRequestDetail> Handle(WithdrawResourceRequestCommand command, CancellationToken cancellationToken)
    {
        var me = await access.MeAsync(cancellationToken);
        var request = await RequestViews.ChangeAsync(db, access, command.RequestId, null, request =>
        {
            var waiting = request.WaitingApprovers().Select(a => a.UserId).Distinct().ToList();
            request.Withdraw(me, null, clock.UtcNow);
            notifier.Notify(waiting, RequestNotifier.Text("Notify_WithdrawnTitle", me.Name, request.Title), RequestNotifier.Text("Notify_NoLongerWaiting", request.SubBranchName), request);
            notifier.Signal(request);
            return Task.CompletedTask;
        }, cancellationToken);
        outbox.Wake();
        return RequestViews.Detail(request, access, clock.UtcNow);
    }
}

internal static class WithdrawRequestEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests/{id:guid}/withdraw", async Task<Ok<ResourceRequestDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new WithdrawResourceRequestCommand(id), ct)))
            .WithName("WithdrawResourceRequest")
            .WithSummary("撤销: gives up the caller's request before the first decision (the requester only; 409 once an approver has decided).");
}
