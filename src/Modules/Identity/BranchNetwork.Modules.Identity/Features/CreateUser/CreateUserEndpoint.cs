using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.CreateUser;

internal static class CreateUserEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/users", async Task<Created<UserSummary>> (CreateUserCommand command, ISender sender, CancellationToken ct) =>
            {
                var user = await sender.Send(command, ct);
                return TypedResults.Created($"/api/identity/users/{user.Id}", user);
            })
            .WithName("CreateUser")
            .WithSummary("Opens an account (SystemAdmin).");
}
