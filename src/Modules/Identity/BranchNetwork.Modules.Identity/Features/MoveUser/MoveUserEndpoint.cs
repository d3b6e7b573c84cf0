using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.MoveUser;

internal sealed record MoveUserBody(Guid UnitId, string? Position);

internal static class MoveUserEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/users/{id:guid}/move", async Task<Ok<UserSummary>> (Guid id, MoveUserBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MoveUserCommand(id, body.UnitId, body.Position), ct)))
            .WithName("MoveUser")
            .WithSummary("Moves a user to another unit (SystemAdmin).");
}
