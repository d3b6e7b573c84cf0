using Mediator;

namespace BranchNetwork.SharedKernel;

/// <summary>A fact one module publishes for others, through its outbox.</summary>
public interface IIntegrationEvent : INotification
{
    Guid EventId { get; }

    DateTime OccurredAtUtc { get; }
}
