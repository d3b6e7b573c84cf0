using System.Text.Json;
using BranchNetwork.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.Infrastructure.Outbox;

public static class OutboxModel
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the module's outbox table; <paramref name="module"/> keeps the name unique (SQLite has no schemas).</summary>
    public static void AddOutbox(this ModelBuilder modelBuilder, string module) =>
        modelBuilder.Entity<OutboxMessage>(m =>
        {
            m.ToTable($"{module}OutboxMessages");
            m.HasKey(x => x.Id);
            m.Property(x => x.Type).HasMaxLength(OutboxMessage.TypeMaxLength).IsRequired();
            m.Property(x => x.Payload).HasMaxLength(OutboxMessage.PayloadMaxLength).IsRequired();
            m.Property(x => x.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
            m.HasIndex(x => new { x.ProcessedAtUtc, x.ParkedAtUtc, x.NextAttemptAtUtc });
            m.HasIndex(x => x.LockedBy);
        });

    public static void AddProcessedMessages(this ModelBuilder modelBuilder, string module) =>
        modelBuilder.Entity<ProcessedMessage>(p =>
        {
            p.ToTable($"{module}ProcessedMessages");
            p.HasKey(x => new { x.MessageId, x.Handler });
            p.Property(x => x.Handler).HasMaxLength(ProcessedMessage.HandlerMaxLength);
        });

    /// <summary>Queues an integration event; it is stored by the same SaveChanges as the change itself.</summary>
    public static void AddIntegrationEvent(this IOutboxDbContext db, IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            OccurredAtUtc = integrationEvent.OccurredAtUtc,
            NextAttemptAtUtc = integrationEvent.OccurredAtUtc,
        });
    }

    /// <summary>
    /// True when <paramref name="handler"/> already handled the message. Otherwise records it, to be
    /// saved with the handler's own changes (the key makes a concurrent second delivery fail, not repeat).
    /// </summary>
    public static async Task<bool> AlreadyHandledAsync(this IProcessedMessagesDbContext db, Guid messageId, string handler, DateTime utcNow, CancellationToken cancellationToken)
    {
        if (await db.ProcessedMessages.AnyAsync(p => p.MessageId == messageId && p.Handler == handler, cancellationToken))
        {
            return true;
        }

        db.ProcessedMessages.Add(new ProcessedMessage { MessageId = messageId, Handler = handler, ProcessedAtUtc = utcNow });
        return false;
    }
}
