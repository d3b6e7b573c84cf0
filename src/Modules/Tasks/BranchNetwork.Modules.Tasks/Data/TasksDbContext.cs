using System.Text.Json;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BranchNetwork.Modules.Tasks.Data;

/// <summary>
/// The Tasks module's data, in schema <c>tasks</c>: work plans with their measures, versions and comments (TK-1),
/// weekly tasks with assignees and history (TK-2, TK-3), supervision prompts and sent reminders (TK-4).
/// </summary>
internal sealed class TasksDbContext(DbContextOptions<TasksDbContext> options, IClock clock)
    : DbContext(options), IOutboxDbContext, IProcessedMessagesDbContext
{
    public const string Schema = "tasks";
    public const string Module = "Tasks";

    // Chinese text stays one character per character (the default encoder writes \uXXXX, six), so the column's limit holds.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public DbSet<WorkPlan> Plans => Set<WorkPlan>();

    public DbSet<PlanMeasure> Measures => Set<PlanMeasure>();

    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();

    public DbSet<PlanComment> PlanComments => Set<PlanComment>();

    public DbSet<WeeklyTask> Tasks => Set<WeeklyTask>();

    public DbSet<TaskAssignee> TaskAssignees => Set<TaskAssignee>();

    public DbSet<TaskHistoryEntry> TaskHistory => Set<TaskHistoryEntry>();

    public DbSet<SupervisionPrompt> Prompts => Set<SupervisionPrompt>();

    public DbSet<ReminderSent> RemindersSent => Set<ReminderSent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkPlan>(p =>
        {
            p.ToTable("WorkPlans");
            p.HasKey(x => x.Id);
            p.Property(x => x.SchemeName).HasMaxLength(WorkPlan.NameMaxLength * 2).IsRequired();
            p.Property(x => x.SubBranchName).HasMaxLength(WorkPlan.NameMaxLength).IsRequired();
            p.Property(x => x.DecidedByName).HasMaxLength(WorkPlan.NameMaxLength);
            p.Property(x => x.ExcellentCitation).HasMaxLength(WorkPlan.CitationMaxLength);
            p.HasMany(x => x.Measures).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Restrict);
            p.Navigation(x => x.Measures).UsePropertyAccessMode(PropertyAccessMode.Field);
            p.HasIndex(x => new { x.SchemeId, x.SubBranchId }).IsUnique();
            p.HasIndex(x => new { x.State, x.SubmittedAtUtc });
        });
        modelBuilder.Entity<PlanMeasure>(m =>
        {
            m.ToTable("PlanMeasures");
            m.HasKey(x => x.Id);
            m.Property(x => x.Title).HasMaxLength(PlanMeasure.TitleMaxLength).IsRequired();
            m.Property(x => x.Description).HasMaxLength(PlanMeasure.DescriptionMaxLength);
            m.Property(x => x.OwnerName).HasMaxLength(PlanMeasure.OwnerNameMaxLength).IsRequired();
            m.Property(x => x.ContingencyTrigger).HasMaxLength(PlanMeasure.ContingencyMaxLength);
            m.Property(x => x.ContingencyActions).HasMaxLength(PlanMeasure.ContingencyMaxLength);
            // Milestones are only read with their measure: one JSON column, not a table.
            m.Property<List<Milestone>>("milestones")
                .HasColumnName("Milestones")
                .HasMaxLength(8000)
                .HasConversion(
                    v => JsonSerializer.Serialize(v, Json),
                    v => JsonSerializer.Deserialize<List<Milestone>>(v, Json) ?? new List<Milestone>(),
                    new ValueComparer<List<Milestone>>(
                        (a, b) => a!.SequenceEqual(b!),
                        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())),
                        v => v.ToList()));
            m.Ignore(x => x.Milestones);
            m.HasIndex(x => new { x.PlanId, x.IndicatorId });
        });
        modelBuilder.Entity<PlanVersion>(v =>
        {
            v.ToTable("PlanVersions");
            v.HasKey(x => x.Id);
            v.Property(x => x.SubmittedByName).HasMaxLength(PlanVersion.NameMaxLength).IsRequired();
            v.Property(x => x.Content).HasMaxLength(PlanVersion.ContentMaxLength).IsRequired();
            v.HasOne<WorkPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
            v.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
        });
        modelBuilder.Entity<PlanComment>(c =>
        {
            c.ToTable("PlanComments");
            c.HasKey(x => x.Id);
            c.Property(x => x.Text).HasMaxLength(PlanComment.TextMaxLength).IsRequired();
            c.Property(x => x.AuthorName).HasMaxLength(PlanComment.NameMaxLength).IsRequired();
            c.HasOne<WorkPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => new { x.PlanId, x.WrittenAtUtc });
        });
        modelBuilder.Entity<WeeklyTask>(t =>
        {
            t.ToTable("WeeklyTasks");
            t.HasKey(x => x.Id);
            t.Property(x => x.MeasureTitle).HasMaxLength(PlanMeasure.TitleMaxLength).IsRequired();
            t.Property(x => x.Title).HasMaxLength(WeeklyTask.TitleMaxLength).IsRequired();
            t.Property(x => x.Unit).HasMaxLength(WeeklyTask.UnitMaxLength).IsRequired();
            t.Property(x => x.Quantity).HasPrecision(18, 4);
            t.Property(x => x.ActualQuantity).HasPrecision(18, 4);
            t.Property(x => x.Note).HasMaxLength(WeeklyTask.NoteMaxLength);
            t.Property(x => x.Reason).HasMaxLength(WeeklyTask.NoteMaxLength);
            t.Property(x => x.ClosedByName).HasMaxLength(WeeklyTask.NameMaxLength);
            t.Property(x => x.CreatedByName).HasMaxLength(WeeklyTask.NameMaxLength).IsRequired();
            t.Ignore(x => x.Week);
            t.HasMany(x => x.Assignees).WithOne().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Restrict);
            t.Navigation(x => x.Assignees).UsePropertyAccessMode(PropertyAccessMode.Field);
            t.HasOne<WorkPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
            // The supervision overview reads one scheme's week across sub-branches; the team board one sub-branch's week.
            t.HasIndex(x => new { x.SchemeId, x.WeekStart, x.SubBranchId, x.State, x.DueDate });
            t.HasIndex(x => new { x.SubBranchId, x.WeekStart });
            t.HasIndex(x => x.SeriesId);
            t.HasIndex(x => new { x.State, x.DueDate });
        });
        modelBuilder.Entity<TaskAssignee>(a =>
        {
            a.ToTable("TaskAssignees");
            a.HasKey(x => new { x.TaskId, x.UserId });
            a.Property(x => x.UserName).HasMaxLength(TaskAssignee.NameMaxLength).IsRequired();
            a.HasIndex(x => x.UserId);
        });
        modelBuilder.Entity<TaskHistoryEntry>(h =>
        {
            h.ToTable("TaskHistory");
            h.HasKey(x => x.Id);
            h.Property(x => x.ByName).HasMaxLength(TaskHistoryEntry.NameMaxLength).IsRequired();
            h.Property(x => x.Detail).HasMaxLength(TaskHistoryEntry.DetailMaxLength);
            h.HasOne<WeeklyTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
            h.HasIndex(x => new { x.SeriesId, x.AtUtc });
        });
        modelBuilder.Entity<SupervisionPrompt>(p =>
        {
            p.ToTable("SupervisionPrompts");
            p.HasKey(x => x.Id);
            p.Property(x => x.Text).HasMaxLength(SupervisionPrompt.TextMaxLength).IsRequired();
            p.Property(x => x.AuthorName).HasMaxLength(SupervisionPrompt.NameMaxLength).IsRequired();
            p.HasIndex(x => new { x.SubBranchId, x.WeekStart });
            p.HasIndex(x => x.TaskId);
        });
        modelBuilder.Entity<ReminderSent>(r =>
        {
            r.ToTable("RemindersSent");
            r.HasKey(x => new { x.TaskId, x.Slot });
            r.Property(x => x.Slot).HasMaxLength(ReminderSent.SlotMaxLength);
        });

        modelBuilder.AddOutbox(Module);
        modelBuilder.AddProcessedMessages(Module);
        ModuleModel.Apply(modelBuilder, this, Schema);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ModuleModel.StampChanges(ChangeTracker, clock.UtcNow);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
