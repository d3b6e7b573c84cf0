using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;

namespace BranchNetwork.Modules.Tasks.Features.ListPlanSchemes;

internal sealed record PlanSchemeOption(Guid Id, string Name, DateOnly StartDate, DateOnly EndDate, SchemeState State);

/// <summary>Whether the caller reviews every sub-branch's plans, and the schemes to choose from (newest period first).</summary>
internal sealed record PlanSchemes(bool ReadsAllSubBranches, bool IsSupervisor, IReadOnlyList<PlanSchemeOption> Schemes);

/// <summary>
/// For the plans page: the published and closed schemes whose plans head office reviews. API clients read the same
/// schemes from <c>GET /api/assessment/schemes</c>, so this query has no endpoint of its own.
/// </summary>
[AnySignedInUser]
[BoundedList("published and closed schemes: a few a year")]
internal sealed record ListPlanSchemesQuery : IQuery<PlanSchemes>;

internal sealed class ListPlanSchemesHandler(TasksAccess access, IAssessmentSheets sheets) : IQueryHandler<ListPlanSchemesQuery, PlanSchemes>
{
    public async ValueTask<PlanSchemes> Handle(ListPlanSchemesQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var schemes = await sheets.ListSchemesAsync(cancellationToken);
        return new PlanSchemes(
            access.IsHeadOfficeReader,
            access.IsSupervisor,
            [.. schemes.Select(s => new PlanSchemeOption(s.SchemeId, s.Name, s.StartDate, s.EndDate, s.State))]);
    }
}
