using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.ListRoutes;

/// <summary>RR-2 审批流程: the routes of the three kinds (people, money, material), as SystemAdmin keeps them.</summary>
[AllowedRoles(BankRoles.SystemAdmin)]
[BoundedList("One route per kind of request: three.")]
internal sealed record ListRoutesQuery : IQuery<IReadOnlyList<ResourceRouteView>>;

internal sealed class ListRoutesHandler(ResourcesDbContext db, IOrganisationDirectory directory) : IQueryHandler<ListRoutesQuery, IReadOnlyList<ResourceRouteView>>
{
    public async ValueTask<IReadOnlyList<ResourceRouteView>> Handle(ListRoutesQuery query, CancellationToken cancellationToken) =>
        await ResourceRoutes.ReadAsync(db, directory, cancellationToken);
}

internal static class ListRoutesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/routes", async Task<Ok<IReadOnlyList<ResourceRouteView>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListRoutesQuery(), ct)))
            .WithName("ListResourceRoutes")
            .WithSummary("审批流程: the approval routes of people, money and material requests (SystemAdmin).");
}
