using BranchNetwork.SharedKernel;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Audit.Features.ListAccessLog;

internal static class ListAccessLogEndpoint
{
    /// <summary>Only GET: the access log has no write, update or delete endpoint (other methods get 405).</summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/access-log", async Task<Ok<PagedResult<AccessLogEntryDto>>> (
                    string? user, string? path, int? status, DateTime? from, DateTime? to, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAccessLogQuery(user, path, status, from, to, page, pageSize), ct)))
            .WithName("ListAccessLog")
            .WithSummary("The access log, newest first: filters user (contains), path (starts with), status, from/to (UTC); paged (Auditor).");
}
