using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.ReturnRequest;

/// <summary>
/// RR-2 退回: an approver of the deciding step sends the request back to an earlier step of the round
/// (<see cref="ToStepIndex"/>, which decides again) or, without it, to the requester (who edits and submits again). A
/// reason is needed; the operation record says where it went, and the requester and the approvers now waiting are told.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin)]
internal sealed record ReturnRequestCommand(Guid RequestId, int? ToStepIndex, string? Comment, long Version) : ICommand<ResourceApprovalResult>;

internal sealed class ReturnRequestValidator : AbstractValidator<ReturnRequestCommand>
{
    public ReturnRequestValidator()
    {
        RuleFor(c => c.ToStepIndex).InclusiveBetween(0, ApprovalRoute.MaxSteps).WithMessage(_ => DomainText.Get("ReturnTargetInvalid"));
        RuleFor(c => c.Comment).NotEmpty().WithMessage(_ => DomainText.Get("ReasonNeeded"));
        ApprovalRules.Comment(RuleFor(c => c.Comment));
        ApprovalRules.Version(RuleFor(c => c.Version));
    }
}

internal sealed class ReturnRequestHandler(ApprovalRunner runner, ResourceSteps steps) : ICommandHandler<ReturnRequestCommand, ResourceApprovalResult>
{
    public async ValueTask<ResourceApprovalResult> Handle(ReturnRequestCommand command, CancellationToken cancellationToken) =>
        await runner.RunAsync(command.RequestId, command.Version, x =>
        {
            var step = x.Request.CurrentStep;
            x.Request.Return(x.Me, command.ToStepIndex, command.Comment, x.Now, steps.DueAt);
            x.Notifier.TellRequester(x.Request, step, "Notify_ReturnedTitle", x.Me.Name);
        }, cancellationToken);
}

internal static class ReturnRequestEndpoint
{
    internal sealed record ReturnResourceRequestBody(int? ToStepIndex, string? Comment, long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests/{id:guid}/return", async Task<Ok<ResourceApprovalResult>> (Guid id, ReturnResourceRequestBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReturnRequestCommand(id, body.ToStepIndex, body.Comment, body.Version), ct)))
            .WithName("ReturnResourceRequest")
            .WithSummary("退回: sends the request back to an earlier step (toStepIndex) or, without one, to the requester, with a reason (RR-2).");
}
