using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.SubmitPlan;

/// <summary>
/// The head submits the plan for review (TK-1): a new frozen version; refused (400, field <c>measures</c>) while an
/// indicator of the sheet has no measure. Head office's supervisors are told.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead)]
internal sealed record SubmitPlanCommand(Guid PlanId) : ICommand<PlanDetail>;

internal sealed class SubmitPlanHandler(TasksDbContext db, PlanStore store, PlanNotifier notifier, IClock clock)
    : ICommandHandler<SubmitPlanCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(SubmitPlanCommand command, CancellationToken cancellationToken)
    {
        var plan = await store.OwnedByHeadAsync(command.PlanId, cancellationToken);
        var sheet = await store.SheetAsync(plan, cancellationToken);
        var user = store.Access.User;
        var version = plan.Submit([.. sheet.Indicators.Select(i => new SheetIndicator(i.IndicatorId, i.Name))], user.RequireUserId(), user.UserName ?? "", clock);
        db.PlanVersions.Add(version);
        await notifier.ToSupervisorsAsync(
            plan,
            PlanNotifier.Text("NotifyPlanSubmittedTitle", plan.SubBranchName),
            PlanNotifier.Text("NotifyPlanSubmittedBody", plan.SubBranchName, plan.SchemeName, PlanNotifier.Number(plan.VersionNumber)),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await store.DetailAsync(plan.Id, cancellationToken);
    }
}

internal static class SubmitPlanEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/submit", async Task<Ok<PlanDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubmitPlanCommand(id), ct)))
            .WithName("SubmitPlan").WithSummary("The sub-branch head submits the plan as a new version; 400 while an indicator has no measure.");
}
