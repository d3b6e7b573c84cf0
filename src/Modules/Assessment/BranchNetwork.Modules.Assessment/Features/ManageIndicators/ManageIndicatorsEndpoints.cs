using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Assessment.Features.ManageIndicators;

internal static class ManageIndicatorsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/indicators", async Task<Ok<IReadOnlyList<IndicatorDto>>> (bool? includeRetired, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListIndicatorsQuery(includeRetired ?? false), ct)))
            .WithName("ListIndicators").WithSummary("The indicator library (AS-1).");
        api.MapPost("/indicators", async Task<Created<IndicatorDto>> (CreateIndicatorCommand command, ISender sender, CancellationToken ct) =>
            {
                var indicator = await sender.Send(command, ct);
                return TypedResults.Created($"/api/assessment/indicators/{indicator.Id}", indicator);
            })
            .WithName("CreateIndicator").WithSummary("Adds an indicator (TaskAdmin).");
        api.MapPost("/indicators/{id:guid}/retire", async Task<Ok<IndicatorDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetireIndicatorCommand(id), ct)))
            .WithName("RetireIndicator").WithSummary("Retires an indicator (TaskAdmin).");
        api.MapDelete("/indicators/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteIndicatorCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteIndicator").WithSummary("Deletes an indicator no published scheme uses (TaskAdmin); 409 otherwise.");
        api.MapGet("/computed-sources", async Task<Ok<IReadOnlyList<ComputedSourceDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListComputedSourcesQuery(), ct)))
            .WithName("ListComputedSources").WithSummary("Data sources other modules registered for computed indicators.");
    }
}
