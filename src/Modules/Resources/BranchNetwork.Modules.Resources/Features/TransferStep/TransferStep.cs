using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.TransferStep;

/// <summary>
/// RR-2 转交: the approver hands their place at the deciding step to a colleague — a head-office user who may approve
/// (else 400 on <c>userId</c>) — who is asked to decide instead.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin)]
internal sealed record TransferStepCommand(Guid RequestId, Guid UserId, string? Comment, long Version) : ICommand<ResourceApprovalResult>;

internal sealed class TransferStepValidator : AbstractValidator<TransferStepCommand>
{
    public TransferStepValidator()
    {
        RuleFor(c => c.UserId).NotEqual(Guid.Empty).WithMessage(_ => DomainText.Get("Approvals_NotACandidate"));
        ApprovalRules.Comment(RuleFor(c => c.Comment));
        ApprovalRules.Version(RuleFor(c => c.Version));
    }
}

internal sealed class TransferStepHandler(ApprovalRunner runner, ApproverCandidates candidates) : ICommandHandler<TransferStepCommand, ResourceApprovalResult>
{
    public async ValueTask<ResourceApprovalResult> Handle(TransferStepCommand command, CancellationToken cancellationToken)
    {
        var colleague = await candidates.RequireAsync(command.UserId, "userId", cancellationToken);
        return await runner.RunAsync(command.RequestId, command.Version, x => x.Request.Transfer(x.Me, colleague, command.Comment, x.Now), cancellationToken);
    }
}

internal static class TransferStepEndpoint
{
    internal sealed record TransferResourceStepBody(Guid UserId, string? Comment, long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests/{id:guid}/transfer", async Task<Ok<ResourceApprovalResult>> (Guid id, TransferResourceStepBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new TransferStepCommand(id, body.UserId, body.Comment, body.Version), ct)))
            .WithName("TransferResourceStep")
            .WithSummary("转交: hands the caller's place at the deciding step to a head-office colleague who may approve (RR-2).");
}
