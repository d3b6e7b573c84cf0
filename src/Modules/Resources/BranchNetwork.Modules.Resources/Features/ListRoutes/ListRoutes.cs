using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.ListRoutes;

/// <summary>A person a route names, with their display name.</summary>
internal sealed record ResourceRoutePerson(Guid UserId, string Name);

/// <summary>One configured step of a route: name, mode, approvers (people and/or a head-office role), CC, time limit.</summary>
internal sealed record ResourceRouteStepView(
    string Name, StepMode Mode, IReadOnlyList<ResourceRoutePerson> Approvers, string? ApproverRole, IReadOnlyList<ResourceRoutePerson> Cc, int DueWorkingDays);

/// <summary>A kind's route; <see cref="Configured"/> is false when none is kept yet (the steps are then empty).</summary>
internal sealed record ResourceRouteView(
    ResourceKind Kind, bool Configured, IReadOnlyList<ResourceRouteStepView> Steps, decimal? LeaderThreshold, IReadOnlyList<ResourceRoutePerson> Leaders, long Version);

/// <summary>RR-2 审批流程: the routes of the three kinds (people, money, material), as SystemAdmin keeps them.</summary>
[AllowedRoles(BankRoles.SystemAdmin)]
[BoundedList("One route per kind of request: three.")]
internal sealed record ListRoutesQuery : IQuery<IReadOnlyList<ResourceRouteView>>;

internal sealed class ListRoutesHandler(ResourcesDbContext db, IOrganisationDirectory directory) : IQueryHandler<ListRoutesQuery, IReadOnlyList<ResourceRouteView>>
{
    public async ValueTask<IReadOnlyList<ResourceRouteView>> Handle(ListRoutesQuery query, CancellationToken cancellationToken) =>
        await ReadAsync(db, directory, cancellationToken);

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

internal static class ListRoutesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/routes", async Task<Ok<IReadOnlyList<ResourceRouteView>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListRoutesQuery(), ct)))
            .WithName("ListResourceRoutes")
            .WithSummary("审批流程: the approval routes of people, money and material requests (SystemAdmin).");
}
