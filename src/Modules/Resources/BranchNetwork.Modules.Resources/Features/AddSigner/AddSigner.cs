using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.AddSigner;

/// <summary>
/// RR-2 加签: the approver adds a signer — a head-office user who may approve (else 400 on <c>userId</c>) — to the
/// deciding step: one by one right after the approver, in 会签 their approval is needed too, in 或签 one more who may decide.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin)]
internal sealed record AddSignerCommand(Guid RequestId, Guid UserId, string? Comment, long Version) : ICommand<ResourceApprovalResult>;

internal sealed class AddSignerValidator : AbstractValidator<AddSignerCommand>
{
    public AddSignerValidator()
    {
        RuleFor(c => c.UserId).NotEqual(Guid.Empty).WithMessage(_ => DomainText.Get("Approvals_NotACandidate"));
        ApprovalRules.Comment(RuleFor(c => c.Comment));
        ApprovalRules.Version(RuleFor(c => c.Version));
    }
}

internal sealed class AddSignerHandler(ApprovalRunner runner, ApproverCandidates candidates) : ICommandHandler<AddSignerCommand, ResourceApprovalResult>
{
    public async ValueTask<ResourceApprovalResult> Handle(AddSignerCommand command, CancellationToken cancellationToken)
    {
        var signer = await candidates.RequireAsync(command.UserId, "userId", cancellationToken);
        return await runner.RunAsync(command.RequestId, command.Version, x => x.Request.AddSigner(x.Me, signer, command.Comment, x.Now), cancellationToken);
    }
}

internal static class AddSignerEndpoint
{
    internal sealed record AddResourceSignerBody(Guid UserId, string? Comment, long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests/{id:guid}/signers", async Task<Ok<ResourceApprovalResult>> (Guid id, AddResourceSignerBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AddSignerCommand(id, body.UserId, body.Comment, body.Version), ct)))
            .WithName("AddResourceSigner")
            .WithSummary("加签: adds a head-office signer who may approve to the caller's deciding step (RR-2).");
}
