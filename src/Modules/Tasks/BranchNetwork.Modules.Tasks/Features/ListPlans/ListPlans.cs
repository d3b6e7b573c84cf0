using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.ListPlans;

/// <summary>A sub-branch's row for one scheme: its plan, or none yet (<see cref="PlanId"/> null).</summary>
internal sealed record PlanRow(
    Guid SubBranchId,
    string SubBranchName,
    Guid? PlanId,
    PlanState? State,
    int VersionNumber,
    DateTime? SubmittedAtUtc,
    bool IsExcellent);

/// <summary>
/// The work plans of one scheme (TK-1): head office readers see every sub-branch, with its plan's state or none yet,
/// submitted plans (待审核) first; anyone else sees their own sub-branch's row only. <see cref="State"/> filters.
/// </summary>
[AnySignedInUser]
[BoundedList("one row per sub-branch for one scheme: the bank's sub-branches, a few hundred at most")]
internal sealed record ListPlansQuery(Guid SchemeId, PlanState? State) : IQuery<IReadOnlyList<PlanRow>>;

internal sealed class ListPlansValidator : AbstractValidator<ListPlansQuery>
{
    public ListPlansValidator()
    {
        RuleFor(q => q.SchemeId).NotEmpty();
        RuleFor(q => q.State).IsInEnum();
    }
}

internal sealed class ListPlansHandler(TasksDbContext db, TasksAccess access, IOrganisationDirectory directory)
    : IQueryHandler<ListPlansQuery, IReadOnlyList<PlanRow>>
{
    public async ValueTask<IReadOnlyList<PlanRow>> Handle(ListPlansQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        IReadOnlyList<(Guid Id, string Name)> subBranches;
        if (access.IsHeadOfficeReader)
        {
            subBranches = [.. (await directory.ListSubBranchesAsync(cancellationToken)).Select(u => (u.Id, u.Name))];
        }
        else if (await access.OwnSubBranchAsync(cancellationToken) is { } own && await directory.FindUnitAsync(own, cancellationToken) is { } unit)
        {
            subBranches = [(unit.Id, unit.Name)];
        }
        else
        {
            return [];
        }

        var ids = subBranches.Select(s => s.Id).ToList();
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.SchemeId == query.SchemeId && ids.Contains(p.SubBranchId))
            .Select(p => new { p.Id, p.SubBranchId, p.State, p.VersionNumber, p.SubmittedAtUtc, p.IsExcellent })
            .ToDictionaryAsync(p => p.SubBranchId, cancellationToken);
        return [.. subBranches
            .Select(s => plans.GetValueOrDefault(s.Id) is { } p
                ? new PlanRow(s.Id, s.Name, p.Id, p.State, p.VersionNumber, p.SubmittedAtUtc, p.IsExcellent)
                : new PlanRow(s.Id, s.Name, null, null, 0, null, false))
            .Where(r => query.State is null || r.State == query.State)
            .OrderBy(r => r.State == PlanState.Submitted ? 0 : 1)
            .ThenBy(r => r.SubmittedAtUtc)
            .ThenBy(r => r.SubBranchName, StringComparer.Ordinal)];
    }
}

internal static class ListPlansEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/plans", async Task<Ok<IReadOnlyList<PlanRow>>> (Guid schemeId, PlanState? state, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPlansQuery(schemeId, state), ct)))
            .WithName("ListPlans").WithSummary("The work plans of a scheme: every sub-branch for head office, the own sub-branch for others; submitted first.");
}
