using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.Host.Platform;

/// <summary>
/// Outbox messages that failed every attempt, across the modules' databases: one read for the API, the SystemAdmin's
/// page and home card alike. Each module has its own outbox, so "across" is one query per module.
/// </summary>
internal static class ParkedMessages
{
    /// <summary>The newest parked messages of each module, newest first overall (a list for investigation, not an archive).</summary>
    public const int PerModule = 200;

    public static async Task<List<ParkedMessage>> ListAsync(IServiceProvider services, CancellationToken ct)
    {
        services.GetRequiredService<ICurrentUser>().EnsureAnyRole(BankRoles.SystemAdmin);
        var parked = new List<ParkedMessage>();
        foreach (var outbox in services.GetServices<ModuleOutbox>())
        {
            var db = (IOutboxDbContext)services.GetRequiredService(outbox.ContextType);
            parked.AddRange(await db.OutboxMessages.AsNoTracking()
                .Where(m => m.ParkedAtUtc != null)
                .OrderByDescending(m => m.ParkedAtUtc)
                .Take(PerModule)
                .Select(m => new ParkedMessage(outbox.Module, m.Id, m.Type, m.OccurredAtUtc, m.Attempts, m.LastError, m.ParkedAtUtc!.Value))
                .ToListAsync(ct));
        }

        return [.. parked.OrderByDescending(m => m.ParkedAt)];
    }

    /// <summary>How many messages are parked, by module (modules without any left out).</summary>
    public static async Task<Dictionary<string, int>> CountAsync(IServiceProvider services, CancellationToken ct)
    {
        services.GetRequiredService<ICurrentUser>().EnsureAnyRole(BankRoles.SystemAdmin);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var outbox in services.GetServices<ModuleOutbox>())
        {
            var db = (IOutboxDbContext)services.GetRequiredService(outbox.ContextType);
            var count = await db.OutboxMessages.CountAsync(m => m.ParkedAtUtc != null, ct);
            if (count > 0)
            {
                counts[outbox.Module] = count;
            }
        }

        return counts;
    }
}
