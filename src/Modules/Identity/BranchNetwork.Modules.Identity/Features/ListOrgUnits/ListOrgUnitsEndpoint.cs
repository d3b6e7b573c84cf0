using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.ListOrgUnits;

internal static class ListOrgUnitsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/units", async Task<Ok<IReadOnlyList<OrgUnitNode>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListOrgUnitsQuery(), ct)))
            .WithName("ListOrgUnits")
            .WithSummary("The organisation tree (any signed-in user).");
}
