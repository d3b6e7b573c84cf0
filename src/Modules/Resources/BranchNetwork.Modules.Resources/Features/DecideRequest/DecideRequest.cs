using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.DecideRequest;

/// <summary>An approver's decision: approve (with <c>granted</c> below what is granted so far, a partial approval) or reject.</summary>
internal enum ApprovalDecision
{
    Approve = 0,
    Reject = 1,
}

/// <summary>
/// RR-2: an approver of the deciding step approves, partially approves (granted below the asked figure, and never above
/// what earlier steps granted: 400 on <c>granted</c>) or rejects (a reason is needed). The step completes by its mode and
/// the next one starts, or the request is decided. Not the caller's step: 403 <c>resources.not_your_step</c>; not their
/// turn: 409 <c>resources.not_your_turn</c>; deciding twice: 409 <c>resources.already_decided</c>; not in review: 409
/// <c>resources.wrong_state</c>. The next approvers and the requester are notified, the step's CC recipients copied.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin)]
internal sealed record DecideRequestCommand(Guid RequestId, ApprovalDecision Decision, decimal? Granted, string? Comment, long Version) : ICommand<ResourceApprovalResult>;

internal sealed class DecideRequestValidator : AbstractValidator<DecideRequestCommand>
{
    public DecideRequestValidator()
    {
        RuleFor(c => c.Decision).IsInEnum();
        RuleFor(c => c.Granted).GreaterThan(0m).LessThanOrEqualTo(ApprovalRoute.MaxAmount)
            .Must(g => g is null || decimal.Round(g.Value, 2) == g.Value).WithMessage(_ => DomainText.Get("Approvals_GrantedInvalid"));
        RuleFor(c => c.Granted).Null().When(c => c.Decision == ApprovalDecision.Reject).WithMessage(_ => DomainText.Get("Approvals_GrantedOnlyApprove"));
        ApprovalRules.Comment(RuleFor(c => c.Comment));
        ApprovalRules.Version(RuleFor(c => c.Version));
    }
}

internal sealed class DecideRequestHandler(ApprovalRunner runner, ResourceSteps steps) : ICommandHandler<DecideRequestCommand, ResourceApprovalResult>
{
    public async ValueTask<ResourceApprovalResult> Handle(DecideRequestCommand command, CancellationToken cancellationToken) =>
        await runner.RunAsync(command.RequestId, command.Version, x =>
        {
            var request = x.Request;
            EnsureNotDecidedBefore(request, x.Me);
            var step = request.CurrentStep;
            var approve = command.Decision == ApprovalDecision.Approve;
            var grantedBefore = request.Granted;
            request.Decide(x.Me, approve, command.Granted, command.Comment, x.Now, steps.DueAt);
            var titleKey = request.State switch
            {
                RequestState.Approved => "Notify_FinalApprovedTitle",
                RequestState.PartiallyApproved => "Notify_FinalPartiallyApprovedTitle",
                RequestState.Rejected => "Notify_RejectedTitle",
                _ => request.Granted < grantedBefore ? "Notify_PartiallyApprovedTitle" : "Notify_ApprovedTitle",
            };
            x.Notifier.TellRequester(request, step, titleKey, x.Me.Name);
        }, cancellationToken);

    /// <summary>
    /// Deciding twice is a conflict (409), also once the caller's step has moved on: the caller decided at a step of this
    /// round and waits nowhere now.
    /// </summary>
    private static void EnsureNotDecidedBefore(ResourceRequest request, Person me)
    {
        if (request.WaitingApprovers().Any(a => a.UserId == me.UserId))
        {
            return;
        }

        var decided = request.CurrentRoundSteps.SelectMany(s => s.Approvers)
            .Any(a => a.UserId == me.UserId && a.Status is ApproverStatus.Approved or ApproverStatus.Rejected);
        var stillWaiting = request.CurrentStep?.Approvers.Any(a => a.UserId == me.UserId && a.Status == ApproverStatus.Waiting) == true;
        if (decided && !stillWaiting)
        {
            throw new ConflictException("resources.already_decided", DomainText.Get("AlreadyDecided"));
        }
    }
}

internal static class DecideRequestEndpoint
{
    internal sealed record DecideResourceRequestBody(ApprovalDecision Decision, decimal? Granted, string? Comment, long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests/{id:guid}/decision", async Task<Ok<ResourceApprovalResult>> (Guid id, DecideResourceRequestBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DecideRequestCommand(id, body.Decision, body.Granted, body.Comment, body.Version), ct)))
            .WithName("DecideResourceRequest")
            .WithSummary("Approves (granted below asked: partially), or rejects with a reason, at the caller's step of the request (RR-2).");
}
