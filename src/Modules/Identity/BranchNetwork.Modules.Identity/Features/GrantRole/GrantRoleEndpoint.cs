using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.GrantRole;

internal sealed record GrantRoleBody(string Role);

internal static class GrantRoleEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/users/{id:guid}/roles", async Task<Ok<UserSummary>> (Guid id, GrantRoleBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeRoleCommand(id, body.Role, Grant: true), ct)))
            .WithName("GrantRole")
            .WithSummary("Grants a role (SecurityAdmin); separation of duties enforced.");
        api.MapDelete("/users/{id:guid}/roles/{role}", async Task<Ok<UserSummary>> (Guid id, string role, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeRoleCommand(id, role, Grant: false), ct)))
            .WithName("RevokeRole")
            .WithSummary("Revokes a role (SecurityAdmin).");
    }
}
