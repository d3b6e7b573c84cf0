using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.ListUsers;

internal static class ListUsersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/users", async Task<Ok<KeysetPage<UserSummary>>> (string? search, Guid? unitId, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListUsersQuery(search, unitId, after, pageSize), ct)))
            .WithName("ListUsers")
            .WithSummary("Users by user name, filtered, one keyset page at a time: pass nextCursor as after (SystemAdmin, SecurityAdmin).");
}
