namespace BranchNetwork.Infrastructure.Outbox;

/// <summary>An integration event saved in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    public const int TypeMaxLength = 300;
    public const int PayloadMaxLength = 100_000;
    public const int ErrorMaxLength = 2000;

    public Guid Id { get; set; }

    /// <summary>"Namespace.Type, Assembly" of the event.</summary>
    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTime OccurredAtUtc { get; set; }

    public DateTime? ProcessedAtUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>Set when delivery failed <c>Outbox:MaxAttempts</c> times: the message waits for a person (SystemAdmin).</summary>
    public DateTime? ParkedAtUtc { get; set; }

    /// <summary>
    /// While set and in the future, one node holds the message (its lease): no other node claims it. A node that
    /// dies mid-delivery leaves a lease that simply expires, and the message is claimed again (ADR 0012).
    /// </summary>
    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>The claim token of the delivery round holding the lease; the claiming node reads back only its own rows.</summary>
    public Guid? LockedBy { get; set; }
}

/// <summary>Records that a handler has handled a message, so redelivery changes nothing (at-least-once made idempotent).</summary>
public sealed class ProcessedMessage
{
    public const int HandlerMaxLength = 200;

    public Guid MessageId { get; set; }

    public string Handler { get; set; } = "";

    public DateTime ProcessedAtUtc { get; set; }
}

/// <summary>A module DbContext that owns an outbox.</summary>
public interface IOutboxDbContext
{
    Microsoft.EntityFrameworkCore.DbSet<OutboxMessage> OutboxMessages { get; }
}

/// <summary>A module DbContext whose event handlers record what they have handled.</summary>
public interface IProcessedMessagesDbContext
{
    Microsoft.EntityFrameworkCore.DbSet<ProcessedMessage> ProcessedMessages { get; }
}
