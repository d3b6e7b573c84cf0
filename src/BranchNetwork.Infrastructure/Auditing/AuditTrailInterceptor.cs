using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BranchNetwork.Infrastructure.Auditing;

/// <summary>
/// Captures the audit trail of every module context (AU-2, ADR 0021): just before a save, each added, modified or
/// deleted entity becomes an <see cref="AuditedChange"/> (who, which entity, which fields before and after), and the
/// lot goes into the context's own outbox as <see cref="AuditTrailRecorded"/> — written by the same save, so it
/// commits or rolls back with the change. No module writes audit code; a module opts fields out with
/// <see cref="AuditModel.IsAuditSecret{TProperty}"/> and entity types with <see cref="AuditModel.IsNotAudited{TEntity}"/>.
/// </summary>
public sealed class AuditTrailInterceptor(
    IEnumerable<ModuleDatabase> databases,
    ICurrentUser currentUser,
    IHttpContextAccessor httpContextAccessor,
    IClock clock) : SaveChangesInterceptor
{
    public const string UnitClaim = "unit_id";

    /// <summary>Room left under <see cref="OutboxMessage.PayloadMaxLength"/> for the event's envelope.</summary>
    public const int EventBudget = 90_000;

    /// <summary>A change's JSON must fit the trail's column (AuditRecord.ChangesMaxLength).</summary>
    public const int ChangesMaxLength = 60_000;

    private static readonly string[] StateFields = ["State", "Status"];

    private static readonly string EventTypePrefix = typeof(AuditTrailRecorded).FullName + ",";

    private static readonly JsonSerializerOptions ChangesJson = new()
    {
        // The trail is read by people: Chinese text stays as it is (the JSON is stored, never put into HTML unencoded).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        // A save that failed and is tried again (a caller retrying after a conflict) describes the changes anew:
        // the events of the failed attempt, never stored, are dropped so nothing is recorded twice.
        foreach (var stale in context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added && e.Entity.Type.StartsWith(EventTypePrefix, StringComparison.Ordinal)).ToList())
        {
            stale.State = EntityState.Detached;
        }

        var changes = new List<AuditedChange>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is not OutboxMessage and not ProcessedMessage
                && entry.Metadata.IsAudited()
                && Describe(entry) is { } change)
            {
                changes.Add(change);
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        var module = ModuleOf(context);
        if (context is not IOutboxDbContext outbox)
        {
            // A change the trail would never hear of is worse than a failed save (ADR 0021).
            throw new InvalidOperationException(
                $"The {module} module's {context.GetType().Name} has audited changes but no outbox: implement IOutboxDbContext, call modelBuilder.AddOutbox and services.AddModuleOutbox (docs/adding-a-module.md).");
        }

        var actor = Actor();
        var correlationId = CorrelationId();
        var now = clock.UtcNow;
        foreach (var batch in Batches(changes))
        {
            outbox.AddIntegrationEvent(new AuditTrailRecorded(Guid.CreateVersion7(), now, module, actor, correlationId, batch));
        }
    }

    private string ModuleOf(DbContext context)
    {
        var type = context.GetType();
        return databases.FirstOrDefault(d => d.ContextType == type)?.Module ?? type.Name.Replace("DbContext", "", StringComparison.Ordinal);
    }

    private AuditActor Actor()
    {
        if (currentUser.IsAuthenticated)
        {
            // The Blazor circuit's principal when there is one, else the request's.
            var principal = (currentUser as Web.CurrentUser)?.Principal ?? httpContextAccessor.HttpContext?.User;
            Guid? unitId = null;
            if (Guid.TryParse(principal?.FindFirstValue(UnitClaim), out var unit))
            {
                unitId = unit;
            }

            var roles = currentUser.Roles.Order(StringComparer.Ordinal).ToList();
            return new AuditActor(TrailActorKind.User, currentUser.UserId, currentUser.UserName, roles.Count == 0 ? null : roles, unitId);
        }

        return AuditScope.JobId is { } jobId
            ? new AuditActor(TrailActorKind.Job, null, jobId, null, null)
            : new AuditActor(TrailActorKind.System, null, "system", null, null);
    }

    /// <summary>The request's trace id (what a trace or a log line of the request shows), else the outbox message being handled.</summary>
    private string? CorrelationId()
    {
        if (Activity.Current is { } activity && activity.TraceId != default)
        {
            return activity.TraceId.ToHexString();
        }

        return httpContextAccessor.HttpContext?.TraceIdentifier ?? AuditScope.MessageId?.ToString();
    }

    private static AuditedChange? Describe(EntityEntry entry)
    {
        var entityType = entry.Metadata;
        var operation = entry.State switch
        {
            EntityState.Added => "Create",
            EntityState.Deleted => "Delete",
            _ => "Update",
        };
        var fields = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            object? before;
            object? after;
            switch (entry.State)
            {
                case EntityState.Added:
                    (before, after) = (null, property.CurrentValue);
                    break;
                case EntityState.Deleted:
                    (before, after) = (property.OriginalValue, null);
                    break;
                default:
                    if (!property.IsModified || Equals(property.OriginalValue, property.CurrentValue) || ValuesEqual(property.OriginalValue, property.CurrentValue))
                    {
                        continue;
                    }

                    (before, after) = (property.OriginalValue, property.CurrentValue);
                    if (StateFields.Contains(metadata.Name, StringComparer.Ordinal))
                    {
                        operation = "Transition";
                    }

                    break;
            }

            if (metadata.IsAuditSecret())
            {
                // The auditor sees that a password or key changed, never its value (nor whether it was empty).
                fields.Add(new FieldChange(metadata.Name, entry.State == EntityState.Added ? null : AuditModel.Masked, entry.State == EntityState.Deleted ? null : AuditModel.Masked));
                continue;
            }

            if (property.IsTemporary)
            {
                // A key the database assigns is not known before the insert.
                continue;
            }

            fields.Add(new FieldChange(metadata.Name, Format(before), Format(after)));
        }

        if (entry.State == EntityState.Modified && fields.Count == 0)
        {
            return null;
        }

        return new AuditedChange(TypeName(entityType), KeyOf(entry), operation, ChangesJsonOf(fields));
    }

    private static string TypeName(IEntityType entityType)
    {
        if (entityType.HasSharedClrType)
        {
            return entityType.ShortName();
        }

        var name = entityType.ClrType.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var property in key.Properties)
        {
            var value = entry.Property(property.Name);
            if (value.IsTemporary)
            {
                return null;
            }

            parts.Add(Format(entry.State == EntityState.Deleted ? value.OriginalValue : value.CurrentValue) ?? "");
        }

        return string.Join(',', parts);
    }

    private static bool ValuesEqual(object? a, object? b) =>
        a is byte[] x && b is byte[] y && x.AsSpan().SequenceEqual(y);

    /// <summary>Values as text, the same on every machine: invariant culture, ISO 8601 times, enum names.</summary>
    internal static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        Enum e => e.ToString(),
        byte[] bytes => $"[{bytes.Length} bytes]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The fields as JSON, long values shortened until the whole fits the trail's column and an event.</summary>
    private static string ChangesJsonOf(List<FieldChange> fields)
    {
        foreach (var limit in new[] { int.MaxValue, 2_000, 200, 20 })
        {
            var json = JsonSerializer.Serialize(fields.Select(f => new FieldChange(f.Field, Shorten(f.Before, limit), Shorten(f.After, limit))).ToList(), ChangesJson);
            // The outbox escapes non-ASCII text (six characters each): the escaped form must fit an event too.
            if (json.Length <= ChangesMaxLength && JsonSerializer.Serialize(json, OutboxModel.Json).Length <= EventBudget)
            {
                return json;
            }
        }

        return JsonSerializer.Serialize(fields.Select(f => new FieldChange(f.Field, "…", "…")).ToList(), ChangesJson);
    }

    private static string? Shorten(string? value, int limit) =>
        value is null || value.Length <= limit ? value : $"{value[..limit]}… ({value.Length} characters)";

    /// <summary>Splits the changes so every event's payload fits <see cref="OutboxMessage.PayloadMaxLength"/>.</summary>
    private static IEnumerable<List<AuditedChange>> Batches(List<AuditedChange> changes)
    {
        var batch = new List<AuditedChange>();
        var size = 0;
        foreach (var change in changes)
        {
            var length = JsonSerializer.Serialize(change, OutboxModel.Json).Length;
            if (batch.Count > 0 && size + length > EventBudget)
            {
                yield return batch;
                batch = [];
                size = 0;
            }

            batch.Add(change);
            size += length + 1;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private sealed record FieldChange(
        [property: System.Text.Json.Serialization.JsonPropertyName("field")] string Field,
        [property: System.Text.Json.Serialization.JsonPropertyName("before")] string? Before,
        [property: System.Text.Json.Serialization.JsonPropertyName("after")] string? After);
}
