using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace BranchNetwork.Modules.Files.Features.DownloadFile;

/// <summary>
/// <c>GET /api/files/{id}</c> (bearer tokens) and <c>GET /files/{id}</c> (the pages' sign-in cookie): the same query.
/// Always an attachment, never rendered inline, with nosniff and a sandboxing CSP in case a browser is talked into it.
/// </summary>
internal static class DownloadFileEndpoint
{
    public static void MapApi(IEndpointRouteBuilder api) =>
        api.MapGet("/{id:guid}", DownloadAsync)
            .WithName("DownloadFile").WithSummary("Downloads a file the caller may read (404 for anyone the owning module's policy refuses).");

    public static void MapForPages(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/files/{id:guid}", DownloadAsync).RequireAuthorization().ExcludeFromDescription();

    private static async Task<FileStreamHttpResult> DownloadAsync(Guid id, ISender sender, HttpContext context, CancellationToken ct)
    {
        var download = await sender.Send(new DownloadFileQuery(id), ct);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        headers.CacheControl = "private, no-store";
        return TypedResults.File(download.Content, download.File.ContentType, download.File.FileName, lastModified: null, entityTag: (EntityTagHeaderValue?)null, enableRangeProcessing: false);
    }
}
