using BranchNetwork.Infrastructure.Auditing;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Audit.Features.Shared;

namespace BranchNetwork.Modules.Audit.Features.RecordTrail;

/// <summary>
/// Appends a module's audited changes to the trail's chain (AU-2, ADR 0021). The processed-message row and the
/// records commit in one transaction: a redelivered event (a crash after the append, before the outbox marked it)
/// finds its row and adds nothing, so every change is in the trail exactly once.
/// </summary>
internal sealed class RecordTrailHandler(AuditDbContext db, IClock clock) : INotificationHandler<AuditTrailRecorded>
{
    public const string Handler = "RecordTrail";

    public async ValueTask Handle(AuditTrailRecorded notification, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.AlreadyHandledAsync(notification.EventId, Handler, clock.UtcNow, cancellationToken))
        {
            return;
        }

        var actor = notification.Actor;
        var roles = actor.Roles is { Count: > 0 } ? string.Join(',', actor.Roles) : null;
        var records = notification.Changes
            .Select(change => AuditRecord.Create(
                notification.OccurredAtUtc,
                (AuditActorKind)(int)actor.Kind,
                actor.UserId,
                actor.Name,
                roles,
                actor.UnitId,
                notification.Module,
                change.EntityType,
                change.EntityId,
                change.Operation,
                notification.CorrelationId,
                change.Changes,
                detail: null))
            .ToList();
        await ChainAppender.AppendAsync(db, ChainNames.Trail, records, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
