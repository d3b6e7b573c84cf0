using BranchNetwork.Modules.Assessment.Features.GetScheme;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Assessment.Features.CreateScheme;

internal static class CreateSchemeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/schemes", async Task<Created<SchemeDetail>> (CreateSchemeCommand command, ISender sender, CancellationToken ct) =>
            {
                var scheme = await sender.Send(command, ct);
                return TypedResults.Created($"/api/assessment/schemes/{scheme.Id}", scheme);
            })
            .WithName("CreateScheme").WithSummary("Creates a draft scheme; weights must sum to exactly 100 (TaskAdmin).");
}
