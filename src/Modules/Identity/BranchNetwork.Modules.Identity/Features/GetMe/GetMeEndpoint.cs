using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Identity.Features.GetMe;

internal static class GetMeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me", async Task<Ok<MeResponse>> (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMeQuery(), ct)))
            .WithName("GetMe")
            .WithSummary("The signed-in user: id, names, unit and roles.");
}
