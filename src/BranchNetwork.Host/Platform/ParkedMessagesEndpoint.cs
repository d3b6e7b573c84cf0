using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.Host.Platform;

internal sealed record ParkedMessage(string Module, Guid Id, string Type, DateTime OccurredAt, int Attempts, string? LastError, DateTime ParkedAt);

/// <summary>Outbox messages that failed every attempt, across modules: for SystemAdmin to investigate.</summary>
internal static class ParkedMessagesEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/platform").WithTags("Platform").RequireAuthorization(AuthPolicies.Api).RequireAuthorization(p => p.RequireRole(BankRoles.SystemAdmin))
            .MapGet("/outbox/parked", async Task<Ok<List<ParkedMessage>>> (IServiceProvider services, ICurrentUser currentUser, IEnumerable<ModuleOutbox> outboxes, CancellationToken ct) =>
            {
                currentUser.EnsureAnyRole(BankRoles.SystemAdmin);
                var parked = new List<ParkedMessage>();
                foreach (var outbox in outboxes)
                {
                    var db = (IOutboxDbContext)services.GetRequiredService(outbox.ContextType);
                    parked.AddRange(await db.OutboxMessages.AsNoTracking()
                        .Where(m => m.ParkedAtUtc != null)
                        .OrderByDescending(m => m.ParkedAtUtc)
                        .Take(200)
                        .Select(m => new ParkedMessage(outbox.Module, m.Id, m.Type, m.OccurredAtUtc, m.Attempts, m.LastError, m.ParkedAtUtc!.Value))
                        .ToListAsync(ct));
                }

                return TypedResults.Ok(parked);
            })
            .WithName("ListParkedOutboxMessages")
            .WithSummary("Outbox messages parked after repeated delivery failures (SystemAdmin).");
}
