using System.Text.Json;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BranchNetwork.Modules.Resources.Data;

/// <summary>
/// The Resources module's data, in schema <c>resources</c>: approval routes per kind (RR-2), requests with their steps,
/// approvers and operation record (RR-1, RR-2), read for the history and totals (RR-3).
/// </summary>
internal sealed class ResourcesDbContext(DbContextOptions<ResourcesDbContext> options, IClock clock)
    : DbContext(options), IOutboxDbContext, IProcessedMessagesDbContext
{
    public const string Schema = "resources";
    public const string Module = "Resources";

    // Chinese text stays one character per character (the default encoder writes \uXXXX, six), so the column's limit holds.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public DbSet<ApprovalRoute> Routes => Set<ApprovalRoute>();

    public DbSet<ResourceRequest> Requests => Set<ResourceRequest>();

    public DbSet<RequestStep> Steps => Set<RequestStep>();

    public DbSet<StepApprover> StepApprovers => Set<StepApprover>();

    public DbSet<RequestAction> Actions => Set<RequestAction>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

    /// <summary>A request with everything its rules need: steps, approvers and the operation record.</summary>
    public IQueryable<ResourceRequest> RequestsWithSteps =>
        Requests.Include(r => r.Steps).ThenInclude(s => s.Approvers).Include(r => r.Actions).AsSplitQuery();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApprovalRoute>(r =>
        {
            r.ToTable("Routes");
            r.HasKey(x => x.Id);
            r.HasIndex(x => x.Kind).IsUnique();
            r.Property(x => x.LeaderThreshold).HasPrecision(18, 2);
            // A route is read and replaced whole: its steps are one JSON column.
            JsonList(r.Property<List<RouteStepDefinition>>("steps").HasColumnName("Steps"), 16_000);
            r.Ignore(x => x.Steps);
            JsonList(r.Property<List<Guid>>("leaderApproverIds").HasColumnName("LeaderApproverIds"), 2_000);
            r.Ignore(x => x.LeaderApproverIds);
        });
        modelBuilder.Entity<ResourceRequest>(r =>
        {
            r.ToTable("Requests");
            r.HasKey(x => x.Id);
            r.Property(x => x.Title).HasMaxLength(RequestContent.TitleMaxLength).IsRequired();
            r.Property(x => x.Justification).HasMaxLength(RequestContent.JustificationMaxLength).IsRequired();
            r.Property(x => x.SubBranchName).HasMaxLength(ResourceRequest.NameMaxLength).IsRequired();
            r.Property(x => x.RequesterName).HasMaxLength(ResourceRequest.NameMaxLength).IsRequired();
            r.Property(x => x.Quantity).HasPrecision(18, 2);
            r.Property(x => x.Unit).HasMaxLength(RequestContent.UnitMaxLength);
            r.Property(x => x.ItemName).HasMaxLength(RequestContent.ItemNameMaxLength);
            r.Property(x => x.Amount).HasPrecision(18, 2);
            r.Property(x => x.Granted).HasPrecision(18, 2);
            r.Property(x => x.BudgetCategory).HasMaxLength(RequestContent.BudgetCategoryMaxLength);
            r.Property(x => x.IndicatorName).HasMaxLength(RequestLink.NameMaxLength);
            r.Property(x => x.MeasureTitle).HasMaxLength(RequestLink.NameMaxLength);
            JsonList(r.Property<List<RequestAttachment>>("attachments").HasColumnName("Attachments"), 4_000);
            r.Ignore(x => x.Attachments);
            r.Ignore(x => x.Asked);
            r.Ignore(x => x.IsFinal);
            r.Ignore(x => x.CurrentRoundSteps);
            r.Ignore(x => x.CurrentStep);
            r.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
            r.Navigation(x => x.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
            r.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
            r.Navigation(x => x.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
            // Lists: a sub-branch's requests newest first; head office by state; history by submission month.
            r.HasIndex(x => new { x.SubBranchId, x.State });
            r.HasIndex(x => new { x.State, x.LastActionAtUtc });
            r.HasIndex(x => new { x.SubmittedAtUtc, x.Kind });
        });
        modelBuilder.Entity<RequestStep>(s =>
        {
            s.ToTable("RequestSteps");
            s.HasKey(x => x.Id);
            // Keys are set by the entity when a step is added to a loaded request: without this EF would take the new
            // row for an existing one and update it (0 rows: a false concurrency conflict).
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Name).HasMaxLength(RouteStepDefinition.NameMaxLength).IsRequired();
            JsonList(s.Property<List<Person>>("cc").HasColumnName("Cc"), 4_000);
            s.Ignore(x => x.Cc);
            s.Ignore(x => x.IsComplete);
            s.HasMany(x => x.Approvers).WithOne().HasForeignKey(x => x.StepId).OnDelete(DeleteBehavior.Restrict);
            s.Navigation(x => x.Approvers).UsePropertyAccessMode(PropertyAccessMode.Field);
            s.HasIndex(x => new { x.RequestId, x.Round, x.Index }).IsUnique();
            // The SLA job looks for pending steps past their due time.
            s.HasIndex(x => new { x.Outcome, x.DueAtUtc });
        });
        modelBuilder.Entity<StepApprover>(a =>
        {
            a.ToTable("StepApprovers");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Name).HasMaxLength(ResourceRequest.NameMaxLength).IsRequired();
            a.Property(x => x.Comment).HasMaxLength(ResourceRequest.CommentMaxLength);
            a.Property(x => x.Granted).HasPrecision(18, 2);
            // "At my step": an approver's waiting entries.
            a.HasIndex(x => new { x.UserId, x.Status });
        });
        modelBuilder.Entity<RequestAction>(a =>
        {
            a.ToTable("RequestActions");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.ActorName).HasMaxLength(ResourceRequest.NameMaxLength).IsRequired();
            a.Property(x => x.StepName).HasMaxLength(RouteStepDefinition.NameMaxLength);
            a.Property(x => x.Comment).HasMaxLength(ResourceRequest.CommentMaxLength);
            a.Property(x => x.Detail).HasMaxLength(ResourceRequest.NameMaxLength);
            a.Property(x => x.Granted).HasPrecision(18, 2);
            a.HasIndex(x => new { x.RequestId, x.AtUtc });
        });

        modelBuilder.AddOutbox(Module);
        modelBuilder.AddProcessedMessages(Module);
        ModuleModel.Apply(modelBuilder, this, Schema);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        WriteRequestsWithNewActions();
        ModuleModel.StampChanges(ChangeTracker, clock.UtcNow);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every change of a request records an action, often without touching the request's own row (an approver's decision
    /// changes only the step). The request's version is the concurrency token of the whole request, so a request with a new
    /// action is written too: two approvers saving at the same instant cannot both succeed on the same version.
    /// </summary>
    private void WriteRequestsWithNewActions()
    {
        var changed = ChangeTracker.Entries<RequestAction>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.RequestId)
            .ToHashSet();
        if (changed.Count == 0)
        {
            return;
        }

        foreach (var request in ChangeTracker.Entries<ResourceRequest>())
        {
            if (request.State == EntityState.Unchanged && changed.Contains(request.Entity.Id))
            {
                request.State = EntityState.Modified;
            }
        }
    }

    private static void JsonList<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<T>> property, int maxLength) =>
        property
            .HasMaxLength(maxLength)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => v.ToList()));
}
