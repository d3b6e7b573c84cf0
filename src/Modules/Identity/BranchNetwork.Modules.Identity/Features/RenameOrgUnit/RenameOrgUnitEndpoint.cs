using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.RenameOrgUnit;

internal sealed record RenameOrgUnitBody(string Name, long Version);

internal static class RenameOrgUnitEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/units/{id:guid}", async Task<Ok<OrgUnitInfoWithVersion>> (Guid id, RenameOrgUnitBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RenameOrgUnitCommand(id, body.Name, body.Version), ct)))
            .WithName("RenameOrgUnit")
            .WithSummary("Renames a unit; the body carries the version read (409 when stale) (SystemAdmin).");
}
