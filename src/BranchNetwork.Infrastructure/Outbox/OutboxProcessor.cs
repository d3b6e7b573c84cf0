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
/// the next process finds the message still pending.
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleOutbox> outboxes,
    IClock clock,
    IConfiguration configuration,
    ILogger<OutboxProcessor> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private readonly SemaphoreSlim wake = new(0);

    public int MaxAttempts => configuration.GetValue("Outbox:MaxAttempts", 5);

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
        var now = clock.UtcNow;
        var due = await set
            .Where(m => m.ProcessedAtUtc == null && m.ParkedAtUtc == null && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.OccurredAtUtc)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in due)
        {
            try
            {
                var type = System.Type.GetType(message.Type, throwOnError: true)!;
                var integrationEvent = JsonSerializer.Deserialize(message.Payload, type, OutboxModel.Json)
                    ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");
                // Each message gets its own scope: handlers use their module's DbContext.
                using var handlerScope = scopes.CreateScope();
                await handlerScope.ServiceProvider.GetRequiredService<IPublisher>().Publish(integrationEvent, cancellationToken);
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

            await db.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
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
