using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.ApprovePlan;

/// <summary>分行审核 (TK-1): a head office supervisor approves a submitted plan (409 otherwise); the sub-branch head is told.</summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record ApprovePlanCommand(Guid PlanId) : ICommand<PlanDetail>;

internal sealed class ApprovePlanHandler(TasksDbContext db, PlanStore store, PlanNotifier notifier, IClock clock)
    : ICommandHandler<ApprovePlanCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(ApprovePlanCommand command, CancellationToken cancellationToken)
    {
        var plan = await store.ReadableAsync(command.PlanId, cancellationToken, track: true);
        var user = store.Access.User;
        plan.Approve(user.RequireUserId(), user.UserName ?? "", clock);
        await notifier.ToHeadAsync(
            plan,
            PlanNotifier.Text("NotifyPlanApprovedTitle"),
            PlanNotifier.Text("NotifyPlanApprovedBody", plan.SchemeName, PlanNotifier.Number(plan.VersionNumber)),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await store.DetailAsync(plan.Id, cancellationToken);
    }
}

internal static class ApprovePlanEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/approve", async Task<Ok<PlanDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ApprovePlanCommand(id), ct)))
            .WithName("ApprovePlan").WithSummary("A head office supervisor approves a submitted plan; 409 when it is not submitted.");
}
