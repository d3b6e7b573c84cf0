using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.FulfilRequest;

/// <summary>
/// RR-2 资源响应: a head-office supervisor confirms delivery (已落实) of an approved or partially approved request; any
/// other state is 409 <c>resources.wrong_state</c>. The requester is told.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record FulfilRequestCommand(Guid RequestId, string? Comment, long Version) : ICommand<ResourceApprovalResult>;

internal sealed class FulfilRequestValidator : AbstractValidator<FulfilRequestCommand>
{
    public FulfilRequestValidator()
    {
        ApprovalRules.Comment(RuleFor(c => c.Comment));
        ApprovalRules.Version(RuleFor(c => c.Version));
    }
}

internal sealed class FulfilRequestHandler(ApprovalRunner runner) : ICommandHandler<FulfilRequestCommand, ResourceApprovalResult>
{
    public async ValueTask<ResourceApprovalResult> Handle(FulfilRequestCommand command, CancellationToken cancellationToken) =>
        await runner.RunAsync(command.RequestId, command.Version, x =>
        {
            x.Request.ConfirmFulfilled(x.Me, command.Comment, x.Now);
            x.Notifier.TellRequester(x.Request, null, "Notify_FulfilledTitle", x.Me.Name);
        }, cancellationToken);
}

internal static class FulfilRequestEndpoint
{
    internal sealed record FulfilResourceRequestBody(string? Comment, long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests/{id:guid}/fulfil", async Task<Ok<ResourceApprovalResult>> (Guid id, FulfilResourceRequestBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FulfilRequestCommand(id, body.Comment, body.Version), ct)))
            .WithName("FulfilResourceRequest")
            .WithSummary("确认落实: a head-office supervisor confirms delivery of an approved or partially approved request (RR-2).");
}
