using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.DisableUser;

internal static class DisableUserEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/users/{id:guid}/disable", async Task<Ok<UserSummary>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetUserActiveCommand(id, false), ct)))
            .WithName("DisableUser")
            .WithSummary("Disables an account and revokes its tokens (SystemAdmin).");
        api.MapPost("/users/{id:guid}/enable", async Task<Ok<UserSummary>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetUserActiveCommand(id, true), ct)))
            .WithName("EnableUser")
            .WithSummary("Re-enables an account (SystemAdmin).");
    }
}
