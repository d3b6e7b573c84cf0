using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.ReturnPlan;

/// <summary>
/// A head office supervisor returns a submitted plan for revision (TK-1) with a reason, kept as a plan-level comment
/// on the version; the sub-branch head is told. Comments on single measures go through the comments endpoint.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record ReturnPlanCommand(Guid PlanId, string Reason) : ICommand<PlanDetail>;

internal sealed class ReturnPlanValidator : AbstractValidator<ReturnPlanCommand>
{
    public ReturnPlanValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(PlanComment.TextMaxLength);
}

internal sealed class ReturnPlanHandler(TasksDbContext db, PlanStore store, PlanNotifier notifier, IClock clock)
    : ICommandHandler<ReturnPlanCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(ReturnPlanCommand command, CancellationToken cancellationToken)
    {
        var plan = await store.ReadableAsync(command.PlanId, cancellationToken, track: true);
        var user = store.Access.User;
        db.PlanComments.Add(plan.Return(command.Reason, user.RequireUserId(), user.UserName ?? "", clock));
        await notifier.ToHeadAsync(
            plan,
            PlanNotifier.Text("NotifyPlanReturnedTitle"),
            PlanNotifier.Text("NotifyPlanReturnedBody", plan.SchemeName, PlanNotifier.Cut(command.Reason.Trim())),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await store.DetailAsync(plan.Id, cancellationToken);
    }
}

internal static class ReturnPlanEndpoint
{
    internal sealed record ReturnPlanBody(string Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/return", async Task<Ok<PlanDetail>> (Guid id, ReturnPlanBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReturnPlanCommand(id, body.Reason), ct)))
            .WithName("ReturnPlan").WithSummary("A head office supervisor returns a submitted plan with a reason; 409 when it is not submitted.");
}
