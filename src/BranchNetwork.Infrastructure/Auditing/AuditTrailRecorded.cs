using BranchNetwork.SharedKernel;

namespace BranchNetwork.Infrastructure.Auditing;

/// <summary>
/// The audited changes of one save of one module context (AU-2), queued in that module's outbox by the same save, so
/// the trail gets them exactly when the change commits. A large save is split over several events.
/// </summary>
public sealed record AuditTrailRecorded(
    Guid EventId,
    DateTime OccurredAtUtc,
    string Module,
    AuditActor Actor,
    string? CorrelationId,
    IReadOnlyList<AuditedChange> Changes) : IIntegrationEvent;

/// <summary>Who made the change: a user (with roles and unit), a scheduled job, or the system.</summary>
public sealed record AuditActor(TrailActorKind Kind, Guid? UserId, string? Name, IReadOnlyList<string>? Roles, Guid? UnitId);

public enum TrailActorKind
{
    User = 0,
    Job = 1,
    System = 2,
}

/// <summary>One entity's change: <see cref="Changes"/> is the JSON array of <c>{"field","before","after"}</c>, secrets masked.</summary>
public sealed record AuditedChange(string EntityType, string? EntityId, string Operation, string Changes);
