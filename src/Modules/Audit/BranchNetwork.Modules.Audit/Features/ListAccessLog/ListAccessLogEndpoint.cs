using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Audit.Features.ListAccessLog;

internal static class ListAccessLogEndpoint
{
    /// <summary>Only GET: the access log has no write, update or delete endpoint (other methods get 405).</summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/access-log", async Task<Ok<KeysetPage<AccessLogEntryDto>>> (
                    string? user, string? path, int? status, DateTime? from, DateTime? to, string? after, int? pageSize, Guid? userId, Guid? unit, string? route, string? outcome, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAccessLogQuery(user, path, status, from, to, after, pageSize) { UserId = userId, Unit = unit, Route = route, Outcome = outcome }, ct)))
            .WithName("ListAccessLog")
            .WithSummary("The access log, newest first: filters user (contains), userId, unit, path (starts with), route (template), status, outcome (success, denied, error), from/to (UTC, at most 31 days; the last day by default); one keyset page at a time: pass nextCursor as after (Auditor). Recorded as the auditor's Search.");
}
