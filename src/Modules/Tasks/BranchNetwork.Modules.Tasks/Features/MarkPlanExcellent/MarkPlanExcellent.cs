using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.MarkPlanExcellent;

/// <summary>
/// 优秀工作方案 (TK-5): after the scheme closed, a head office supervisor marks an approved plan excellent with a
/// citation. From then every signed-in member of staff reads it as an example; <see cref="WorkPlanMarkedExcellent"/>
/// leaves through the outbox in the same save (the assessment module records an honour).
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record MarkPlanExcellentCommand(Guid PlanId, string Citation) : ICommand<PlanDetail>;

internal sealed class MarkPlanExcellentValidator : AbstractValidator<MarkPlanExcellentCommand>
{
    public MarkPlanExcellentValidator() => RuleFor(c => c.Citation).NotEmpty().MaximumLength(WorkPlan.CitationMaxLength);
}

internal sealed class MarkPlanExcellentHandler(TasksDbContext db, PlanStore store, IClock clock)
    : ICommandHandler<MarkPlanExcellentCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(MarkPlanExcellentCommand command, CancellationToken cancellationToken)
    {
        var plan = await store.ReadableAsync(command.PlanId, cancellationToken, track: true);
        var sheet = await store.SheetAsync(plan, cancellationToken);
        var userId = store.Access.User.RequireUserId();
        plan.MarkExcellent(sheet.State == SchemeState.Closed, command.Citation, clock);
        db.AddIntegrationEvent(new WorkPlanMarkedExcellent(
            Guid.CreateVersion7(), clock.UtcNow, plan.Id, plan.SchemeId, plan.SubBranchId, plan.SubBranchName, plan.ExcellentCitation ?? "", userId));
        await db.SaveChangesAsync(cancellationToken);
        return await store.DetailAsync(plan.Id, cancellationToken);
    }
}

internal static class MarkPlanExcellentEndpoint
{
    internal sealed record MarkPlanExcellentBody(string Citation);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/excellent", async Task<Ok<PlanDetail>> (Guid id, MarkPlanExcellentBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkPlanExcellentCommand(id, body.Citation), ct)))
            .WithName("MarkPlanExcellent").WithSummary("A head office supervisor marks an approved plan of a closed scheme excellent (优秀工作方案).");
}
