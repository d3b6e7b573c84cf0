using BranchNetwork.SharedKernel;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.ListUsers;

internal static class ListUsersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/users", async Task<Ok<PagedResult<UserSummary>>> (string? search, Guid? unitId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListUsersQuery(search, unitId, page, pageSize), ct)))
            .WithName("ListUsers")
            .WithSummary("Users, paged and filtered (SystemAdmin, SecurityAdmin).");
}
