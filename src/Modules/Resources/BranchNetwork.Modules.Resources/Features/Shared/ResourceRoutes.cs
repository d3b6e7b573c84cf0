using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Resources.Features.Shared;

/// <summary>A person a route names, with their display name.</summary>
internal sealed record ResourceRoutePerson(Guid UserId, string Name);

/// <summary>One configured step of a route: name, mode, approvers (people and/or a head-office role), CC, time limit.</summary>
internal sealed record ResourceRouteStepView(
    string Name, StepMode Mode, IReadOnlyList<ResourceRoutePerson> Approvers, string? ApproverRole, IReadOnlyList<ResourceRoutePerson> Cc, int DueWorkingDays);

/// <summary>A kind's route; <see cref="Configured"/> is false when none is kept yet (the steps are then empty).</summary>
internal sealed record ResourceRouteView(
    ResourceKind Kind, bool Configured, IReadOnlyList<ResourceRouteStepView> Steps, decimal? LeaderThreshold, IReadOnlyList<ResourceRoutePerson> Leaders, long Version);

/// <summary>The routes as SystemAdmin reads them (RR-2): listing them and saving one answer the same view.</summary>
internal static class ResourceRoutes
{
    /// <summary>The three kinds' routes with people's display names.</summary>
    public static async Task<IReadOnlyList<ResourceRouteView>> ReadAsync(ResourcesDbContext db, IOrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var routes = await db.Routes.AsNoTracking().ToListAsync(cancellationToken);
        var ids = routes.SelectMany(r => r.Steps.SelectMany(s => s.ApproverIds.Concat(s.CcIds)).Concat(r.LeaderApproverIds)).Distinct().ToList();
        var names = await directory.GetDisplayNamesAsync(ids, cancellationToken);
        IReadOnlyList<ResourceRoutePerson> People(IEnumerable<Guid> people) =>
            [.. people.Select(id => new ResourceRoutePerson(id, names.GetValueOrDefault(id) ?? id.ToString()))];

        return [.. Enum.GetValues<ResourceKind>().Select(kind => routes.SingleOrDefault(r => r.Kind == kind) is { } route
            ? new ResourceRouteView(
                kind,
                true,
                [.. route.Steps.Select(s => new ResourceRouteStepView(s.Name, s.Mode, People(s.ApproverIds), s.ApproverRole, People(s.CcIds), s.DueWorkingDays))],
                route.LeaderThreshold,
                People(route.LeaderApproverIds),
                route.Version)
            : new ResourceRouteView(kind, false, [], kind == ResourceKind.Money ? ApprovalRoute.DefaultLeaderThreshold : null, [], 0))];
    }
}
