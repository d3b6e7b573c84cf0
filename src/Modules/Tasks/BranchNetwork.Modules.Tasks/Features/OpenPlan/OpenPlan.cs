using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.Modules.Tasks.Resources;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Tasks.Features.OpenPlan;

/// <summary>
/// 编制工作方案 (TK-1): the head opens the draft plan of its own sub-branch's sheet of a published scheme. One plan per
/// sheet: a second is a 409. A scheme without a sheet for the sub-branch is not found.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead)]
internal sealed record OpenPlanCommand(Guid SchemeId) : ICommand<PlanDetail>;

internal sealed class OpenPlanValidator : AbstractValidator<OpenPlanCommand>
{
    public OpenPlanValidator() => RuleFor(c => c.SchemeId).NotEmpty();
}

internal sealed class OpenPlanHandler(
    TasksDbContext db, PlanStore store, IAssessmentSheets sheets, IOrganisationDirectory directory, IStringLocalizer<TasksText> text)
    : ICommandHandler<OpenPlanCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(OpenPlanCommand command, CancellationToken cancellationToken)
    {
        var notFound = new NotFoundException("tasks.sheet_not_found", text["SheetNotFound"]);
        var subBranchId = await store.Access.OwnSubBranchAsync(cancellationToken) ?? throw notFound;
        var sheet = await sheets.FindAsync(command.SchemeId, subBranchId, cancellationToken) ?? throw notFound;
        if (sheet.State != SchemeState.Published)
        {
            throw new ConflictException("tasks.scheme_not_published", text["SchemeNotOpenForPlans"]);
        }

        if (await db.Plans.AnyAsync(p => p.SchemeId == sheet.SchemeId && p.SubBranchId == subBranchId, cancellationToken))
        {
            throw new ConflictException("tasks.plan_exists", text["PlanExists"]);
        }

        var unit = await directory.FindUnitAsync(subBranchId, cancellationToken) ?? throw notFound;
        var plan = WorkPlan.Open(sheet.SchemeId, sheet.SchemeName, subBranchId, unit.Name);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return await store.DetailAsync(plan.Id, cancellationToken);
    }
}

internal static class OpenPlanEndpoint
{
    internal sealed record OpenPlanBody(Guid SchemeId);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans", async Task<Created<PlanDetail>> (OpenPlanBody body, ISender sender, CancellationToken ct) =>
            {
                var plan = await sender.Send(new OpenPlanCommand(body.SchemeId), ct);
                return TypedResults.Created($"/api/tasks/plans/{plan.Id}", plan);
            })
            .WithName("OpenPlan").WithSummary("The sub-branch head opens its sheet's work plan for a published scheme (one per sheet; 409 for a second).");
}
