namespace BranchNetwork.Modules.Audit.Domain;

/// <summary>Who did what an audit record records.</summary>
internal enum AuditActorKind
{
    /// <summary>A signed-in person (web page or API token).</summary>
    User = 0,

    /// <summary>A scheduled job (the actor name is the job's id).</summary>
    Job = 1,

    /// <summary>The application itself: start-up seeding, event handlers, an API client without a user.</summary>
    System = 2,
}

/// <summary>
/// One record of the audit trail (AU-2): a state change of one entity of one module — created, updated, deleted
/// or moved to another state — with who, when, and the changed fields before and after; or an auditor's own
/// action (search, view, export, verification), which is audited too. Append-only and hash-chained (AU-3).
/// </summary>
internal sealed class AuditRecord : IChainRecord
{
    public const int ActorNameMaxLength = 64;
    public const int RolesMaxLength = 256;
    public const int ModuleMaxLength = 32;
    public const int EntityTypeMaxLength = 128;
    public const int EntityIdMaxLength = 128;
    public const int OperationMaxLength = 32;
    public const int CorrelationIdMaxLength = 64;
    public const int ChangesMaxLength = 60_000;
    public const int DetailMaxLength = 512;

    private AuditRecord()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public long Seq { get; private set; }

    public string PrevHash { get; private set; } = "";

    public string Hash { get; private set; } = "";

    /// <summary>When the change was saved (UTC, to the microsecond).</summary>
    public DateTime TimeUtc { get; private init; }

    public AuditActorKind ActorKind { get; private init; }

    public Guid? ActorUserId { get; private init; }

    /// <summary>User name, job id or "system".</summary>
    public string? ActorName { get; private init; }

    /// <summary>Comma-separated role names of the actor at the time.</summary>
    public string? ActorRoles { get; private init; }

    public Guid? ActorUnitId { get; private init; }

    /// <summary>The module whose data changed (e.g. Assessment), or Audit for an auditor's action.</summary>
    public string Module { get; private init; } = "";

    /// <summary>The entity's type name (e.g. SheetCell), or the object of an auditor's action.</summary>
    public string EntityType { get; private init; } = "";

    public string? EntityId { get; private init; }

    /// <summary><see cref="AuditOperations"/>: Create, Update, Delete, Transition; Search, View, Export, Verify.</summary>
    public string Operation { get; private init; } = "";

    /// <summary>The request's trace id (or the outbox message, for a change made by an event handler).</summary>
    public string? CorrelationId { get; private init; }

    /// <summary>JSON array of <c>{"field","before","after"}</c>; secrets never appear (they are marked in the model).</summary>
    public string? Changes { get; private init; }

    /// <summary>For an auditor's action: the filter used, the row count; for a change: free detail.</summary>
    public string? Detail { get; private init; }

    public static AuditRecord Create(
        DateTime timeUtc,
        AuditActorKind actorKind,
        Guid? actorUserId,
        string? actorName,
        string? actorRoles,
        Guid? actorUnitId,
        string module,
        string entityType,
        string? entityId,
        string operation,
        string? correlationId,
        string? changes,
        string? detail) =>
        new()
        {
            TimeUtc = ChainHash.ToMicroseconds(timeUtc),
            ActorKind = actorKind,
            ActorUserId = actorUserId,
            ActorName = AccessLogEntry.Clean(actorName, ActorNameMaxLength),
            ActorRoles = AccessLogEntry.Clean(actorRoles, RolesMaxLength),
            ActorUnitId = actorUnitId,
            Module = AccessLogEntry.Clean(module, ModuleMaxLength) ?? "",
            EntityType = AccessLogEntry.Clean(entityType, EntityTypeMaxLength) ?? "",
            EntityId = AccessLogEntry.Clean(entityId, EntityIdMaxLength),
            Operation = AccessLogEntry.Clean(operation, OperationMaxLength) ?? "",
            CorrelationId = AccessLogEntry.Clean(correlationId, CorrelationIdMaxLength),
            Changes = AccessLogEntry.Clean(changes, ChangesMaxLength),
            Detail = AccessLogEntry.Clean(detail, DetailMaxLength),
        };

    public string CanonicalContent() => ChainHash.Join(
        Id, TimeUtc, (int)ActorKind, ActorUserId, ActorName, ActorRoles, ActorUnitId, Module, EntityType, EntityId, Operation, CorrelationId, Changes, Detail);

    public void Seal(long seq, string prevHash)
    {
        Seq = seq;
        PrevHash = prevHash;
        Hash = ChainHash.Of(prevHash, CanonicalContent());
    }
}

/// <summary>The operations an audit record names.</summary>
internal static class AuditOperations
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";

    /// <summary>An update that moved the entity to another state (its State or Status field changed).</summary>
    public const string Transition = "Transition";

    public const string Search = "Search";
    public const string View = "View";
    public const string Export = "Export";
    public const string Verify = "Verify";
}
