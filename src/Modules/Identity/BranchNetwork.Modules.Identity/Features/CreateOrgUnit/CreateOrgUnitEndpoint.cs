using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.CreateOrgUnit;

internal static class CreateOrgUnitEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/units", async Task<Created<OrgUnitInfo>> (CreateOrgUnitCommand command, ISender sender, CancellationToken ct) =>
            {
                var unit = await sender.Send(command, ct);
                return TypedResults.Created($"/api/identity/units/{unit.Id}", unit);
            })
            .WithName("CreateOrgUnit")
            .WithSummary("Adds a unit to the organisation tree (SystemAdmin).");
}
