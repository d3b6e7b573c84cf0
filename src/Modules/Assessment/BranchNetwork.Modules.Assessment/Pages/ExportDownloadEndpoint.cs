using BranchNetwork.Modules.Assessment.Features.ExportScores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Assessment.Pages;

/// <summary>
/// The score table for the browser: /api only accepts bearer tokens, so the pages link here instead, which the
/// sign-in cookie (the default scheme) opens. Same query, same checks as GET /api/assessment/schemes/{id}/export.
/// </summary>
internal static class ExportDownloadEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/assessment/schemes/{id:guid}/export/{format}", async (Guid id, string format, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new ExportScoresQuery(id, format), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
}
