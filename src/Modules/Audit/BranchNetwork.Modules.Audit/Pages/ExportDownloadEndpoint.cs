using BranchNetwork.Modules.Audit.Features.ExportAccessLog;
using BranchNetwork.Modules.Audit.Features.ExportTrail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Audit.Pages;

/// <summary>
/// The console's exports for the browser: /api only accepts bearer tokens, so the pages link here, which the sign-in
/// cookie opens. Same queries, same checks (Auditor only, recorded) as GET /api/audit/trail/export and access-log/export.
/// </summary>
internal static class ExportDownloadEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/audit/trail/export/{format}", async (
                string format, string? user, Guid? unit, string? module, string? entityType, string? entityId, string? operation, DateTime? from, DateTime? to, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new ExportTrailQuery(user, unit, module, entityType, entityId, operation, from, to, format), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        endpoints.MapGet("/audit/access-log/export/{format}", async (
                string format, string? user, Guid? userId, Guid? unit, string? path, string? route, int? status, string? outcome, DateTime? from, DateTime? to, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new ExportAccessLogQuery(user, userId, unit, path, route, status, outcome, from, to, format), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
    }
}
