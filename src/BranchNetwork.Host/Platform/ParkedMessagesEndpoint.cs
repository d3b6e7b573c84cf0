using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BranchNetwork.Host.Platform;

internal sealed record ParkedMessage(string Module, Guid Id, string Type, DateTime OccurredAt, int Attempts, string? LastError, DateTime ParkedAt);

/// <summary>Outbox messages that failed every attempt, across modules: for SystemAdmin to investigate.</summary>
internal static class ParkedMessagesEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/platform").WithTags("Platform").RequireAuthorization(AuthPolicies.Api).RequireAuthorization(p => p.RequireRole(BankRoles.SystemAdmin))
            .MapGet("/outbox/parked", async Task<Ok<List<ParkedMessage>>> (IServiceProvider services, CancellationToken ct) =>
                TypedResults.Ok(await ParkedMessages.ListAsync(services, ct)))
            .WithName("ListParkedOutboxMessages")
            .WithSummary("Outbox messages parked after repeated delivery failures (SystemAdmin).");
}
