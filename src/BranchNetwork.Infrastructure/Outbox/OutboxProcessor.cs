using System.Text.Json;
using BranchNetwork.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Infrastructure.Outbox;

/// <summary>A module database with an outbox, registered by <c>AddModuleOutbox</c>.</summary>
public sealed record ModuleOutbox(string Module, Type ContextType);

/// <summary>
/// Delivers outbox messages through the mediator, at least once: a message is marked processed
/// only after every handler succeeded; failures retry with exponential back-off and are parked
/// after <c>Outbox:MaxAttempts</c>. A process that dies between commit and delivery loses nothing:
/// the next process finds the message still pending. Several nodes share one database: each round
/// claims its batch with a lease (ADR 0012), so no two nodes deliver the same message, and processed
/// rows are pruned after <c>Outbox:RetentionDays</c>.
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleOutbox> outboxes,
    IClock clock,
    IConfiguration configuration,
    ILogger<OutboxProcessor> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0);
    private readonly OutboxFaults faults = OutboxFaults.From(configuration);
    private long nextPruneAt = Environment.TickCount64;

    public int MaxAttempts => configuration.GetValue("Outbox:MaxAttempts", 5);

    private int BatchSize => Math.Max(1, configuration.GetValue("Outbox:BatchSize", 50));

    /// <summary>How long a claimed batch stays reserved for its node; a node that died holding it frees it when this runs out.</summary>
    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Outbox:LeaseSeconds", 120)));

    /// <summary>Processed messages older than this are deleted.</summary>
    public TimeSpan Retention => TimeSpan.FromDays(configuration.GetValue("Outbox:RetentionDays", 7.0));

    private TimeSpan PruneInterval => TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Outbox:PruneIntervalMinutes", 60)));

    private TimeSpan PollInterval => TimeSpan.FromMilliseconds(configuration.GetValue("Outbox:PollIntervalMilliseconds", 500));

    /// <summary>Asks for a delivery round now instead of at the next poll.</summary>
    public void Wake() => wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Outbox:Enabled", true))
        {
            logger.LogWarning("Outbox processor disabled by configuration (Outbox:Enabled=false)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneWhenDueAsync(stoppingToken);
                var delivered = 0;
                foreach (var outbox in outboxes)
                {
                    delivered += await DeliverDueAsync(outbox, stoppingToken);
                }

                if (delivered > 0)
                {
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox round failed; retrying at the next poll");
            }

            try
            {
                await wake.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One delivery round for one module; returns how many messages were handled or retried.</summary>
    public async Task<int> DeliverDueAsync(ModuleOutbox outbox, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(outbox.ContextType);
        var set = ((IOutboxDbContext)db).OutboxMessages;
        var claimToken = Guid.NewGuid();
        var due = await ClaimAsync(set, claimToken, cancellationToken);
        try
        {
            foreach (var message in due)
            {
                await DeliverAsync(message, cancellationToken);
                // Done (or scheduled for a retry): the lease ends with the save that records it.
                message.LockedUntilUtc = null;
                message.LockedBy = null;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (Exception)
        {
            // Shutting down or the database failed mid-batch: free what this round still holds, so another
            // node (or this one after a restart) need not wait for the lease to run out. Best effort.
            await ReleaseAsync(set, claimToken);
            throw;
        }

        return due.Count;
    }

    /// <summary>
    /// Claims up to a batch of due messages for this round: one conditional UPDATE that only takes rows nobody
    /// holds (no lease, or an expired one), then reads back the rows carrying this round's token. Two nodes
    /// racing for the same rows both run the UPDATE; the database lets each row go to one of them.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(DbSet<OutboxMessage> set, Guid claimToken, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var due = await set.AsNoTracking()
            .Where(m => m.ProcessedAtUtc == null && m.ParkedAtUtc == null && m.NextAttemptAtUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc <= now))
            .OrderBy(m => m.OccurredAtUtc)
            .Take(BatchSize)
            .Select(m => new { m.Id, m.Type })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        // The change and its event are committed; nothing has been claimed or delivered yet (ADR 0019).
        if (due.FirstOrDefault(m => OutboxFaults.Matches(m.Type, faults.ExitAfterCommit)) is { } committed)
        {
            OutboxFaults.Exit(logger, "after commit, before delivery", committed.Id, committed.Type);
        }

        var candidates = due.Select(m => m.Id).ToList();

        DateTime? lockedUntil = now + Lease;
        Guid? lockedBy = claimToken;
        var claimed = await set
            .Where(m => candidates.Contains(m.Id) && m.ProcessedAtUtc == null && m.ParkedAtUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, lockedUntil).SetProperty(m => m.LockedBy, lockedBy), cancellationToken);
        if (claimed == 0)
        {
            return [];
        }

        return await set.Where(m => m.LockedBy == lockedBy).OrderBy(m => m.OccurredAtUtc).ToListAsync(cancellationToken);
    }

    private async Task ReleaseAsync(DbSet<OutboxMessage> set, Guid claimToken)
    {
        try
        {
            Guid? lockedBy = claimToken;
            await set.Where(m => m.LockedBy == lockedBy)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, (DateTime?)null).SetProperty(m => m.LockedBy, (Guid?)null), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not release outbox claim {ClaimToken}; its lease runs out by itself", claimToken);
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var type = System.Type.GetType(message.Type, throwOnError: true)!;
            var integrationEvent = JsonSerializer.Deserialize(message.Payload, type, OutboxModel.Json)
                ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");
            // Each message gets its own scope: handlers use their module's DbContext. What they change is correlated
            // with this message in the audit trail (AU-2).
            using var correlation = Auditing.AuditScope.Message(message.Id);
            using var handlerScope = scopes.CreateScope();
            await handlerScope.ServiceProvider.GetRequiredService<IPublisher>().Publish(integrationEvent, cancellationToken);
            // Every handler has saved its work; the message is not yet marked processed, so a restart redelivers it.
            if (OutboxFaults.Matches(message.Type, faults.ExitAfterHandlers))
            {
                OutboxFaults.Exit(logger, "after the handlers, before the message is marked processed", message.Id, message.Type);
            }

            message.ProcessedAtUtc = clock.UtcNow;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            message.Attempts++;
            message.LastError = Truncate($"{e.GetType().Name}: {e.Message}", OutboxMessage.ErrorMaxLength);
            if (message.Attempts >= MaxAttempts)
            {
                message.ParkedAtUtc = clock.UtcNow;
                logger.LogError(e, "Outbox message {MessageId} ({Type}) parked after {Attempts} attempts", message.Id, message.Type, message.Attempts);
            }
            else
            {
                message.NextAttemptAtUtc = clock.UtcNow + Backoff(message.Attempts);
                logger.LogWarning(e, "Outbox message {MessageId} ({Type}) failed attempt {Attempts}; retrying", message.Id, message.Type, message.Attempts);
            }
        }
    }

    /// <summary>Deletes one module's processed messages older than the retention; returns how many went.</summary>
    public async Task<int> PruneAsync(ModuleOutbox outbox, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var set = ((IOutboxDbContext)scope.ServiceProvider.GetRequiredService(outbox.ContextType)).OutboxMessages;
        DateTime? cutoff = clock.UtcNow - Retention;
        // Parked and pending rows are never pruned: only what was delivered, long enough ago.
        return await set.Where(m => m.ProcessedAtUtc != null && m.ProcessedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Prunes every module's outbox at start and then every <c>Outbox:PruneIntervalMinutes</c> (wall time, not business time).</summary>
    private async Task PruneWhenDueAsync(CancellationToken cancellationToken)
    {
        if (Environment.TickCount64 < nextPruneAt)
        {
            return;
        }

        nextPruneAt = Environment.TickCount64 + (long)PruneInterval.TotalMilliseconds;
        foreach (var outbox in outboxes)
        {
            var pruned = await PruneAsync(outbox, cancellationToken);
            if (pruned > 0)
            {
                logger.LogInformation("Pruned {Count} processed outbox messages of module {Module}", pruned, outbox.Module);
            }
        }
    }

    /// <summary>1 s, 2 s, 4 s … capped at 5 minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Max(0, attempts - 1))));

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }
}
