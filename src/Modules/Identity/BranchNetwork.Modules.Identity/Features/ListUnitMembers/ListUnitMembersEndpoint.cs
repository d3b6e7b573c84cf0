using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.ListUnitMembers;

internal static class ListUnitMembersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/units/{id:guid}/members", async Task<Ok<IReadOnlyList<UnitMember>>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListUnitMembersQuery(id), ct)))
            .WithName("ListUnitMembers")
            .WithSummary("Members of a unit and its teams (head office, or the user's own sub-branch).");
}
