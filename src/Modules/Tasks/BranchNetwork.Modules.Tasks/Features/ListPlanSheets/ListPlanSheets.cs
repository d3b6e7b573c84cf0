using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.ListPlanSheets;

/// <summary>A sheet of the caller's sub-branch and its work plan, if one has been opened.</summary>
internal sealed record PlanSheetRow(
    Guid SchemeId,
    string SchemeName,
    DateOnly StartDate,
    DateOnly EndDate,
    SchemeState SchemeState,
    Guid SubBranchId,
    int IndicatorCount,
    Guid? PlanId,
    PlanState? PlanState,
    int VersionNumber,
    bool CanOpen);

/// <summary>
/// The sheets the caller's sub-branch plans for (TK-1), newest period first, with the plan's state; <see cref="PlanSheetRow.CanOpen"/>
/// tells the head where "编制工作方案" opens a plan. Callers outside any sub-branch get an empty list.
/// </summary>
[AnySignedInUser]
[BoundedList("one sheet per scheme the sub-branch is assessed on: a few a year")]
internal sealed record ListPlanSheetsQuery : IQuery<IReadOnlyList<PlanSheetRow>>;

internal sealed class ListPlanSheetsHandler(TasksDbContext db, TasksAccess access, IAssessmentSheets sheets)
    : IQueryHandler<ListPlanSheetsQuery, IReadOnlyList<PlanSheetRow>>
{
    public async ValueTask<IReadOnlyList<PlanSheetRow>> Handle(ListPlanSheetsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        if (await access.OwnSubBranchAsync(cancellationToken) is not { } subBranchId)
        {
            return [];
        }

        var outlines = await sheets.ListForSubBranchAsync(subBranchId, cancellationToken);
        var schemeIds = outlines.Select(s => s.SchemeId).ToList();
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.SubBranchId == subBranchId && schemeIds.Contains(p.SchemeId))
            .Select(p => new { p.Id, p.SchemeId, p.State, p.VersionNumber })
            .ToDictionaryAsync(p => p.SchemeId, cancellationToken);
        var isHead = await access.IsHeadOfAsync(subBranchId, cancellationToken);
        return [.. outlines.Select(s =>
        {
            var plan = plans.GetValueOrDefault(s.SchemeId);
            return new PlanSheetRow(
                s.SchemeId, s.SchemeName, s.StartDate, s.EndDate, s.State, s.SubBranchId, s.Indicators.Count,
                plan?.Id, plan?.State, plan?.VersionNumber ?? 0,
                CanOpen: isHead && plan is null && s.State == SchemeState.Published);
        })];
    }
}

internal static class ListPlanSheetsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/plans/sheets", async Task<Ok<IReadOnlyList<PlanSheetRow>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPlanSheetsQuery(), ct)))
            .WithName("ListPlanSheets").WithSummary("The caller's sub-branch's assessment sheets with their work plans' states (TK-1).");
}
