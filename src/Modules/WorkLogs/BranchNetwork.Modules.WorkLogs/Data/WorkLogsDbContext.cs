using System.Text.Json;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BranchNetwork.Modules.WorkLogs.Data;

/// <summary>
/// The WorkLogs module's data, in schema <c>worklogs</c>: templates (WL-1), daily logs with their task lines, field values
/// and amendments (WL-1, WL-4), read receipts, comments and likes (WL-3), and the reminders sent (WL-2).
/// </summary>
internal sealed class WorkLogsDbContext(DbContextOptions<WorkLogsDbContext> options, IClock clock)
    : DbContext(options), IOutboxDbContext, IProcessedMessagesDbContext
{
    public const string Schema = "worklogs";
    public const string Module = "WorkLogs";

    // Chinese text stays one character per character (the default encoder writes \uXXXX, six), so the column's limit holds.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public DbSet<LogTemplate> Templates => Set<LogTemplate>();

    public DbSet<DailyLog> Logs => Set<DailyLog>();

    public DbSet<LogTaskLine> LogLines => Set<LogTaskLine>();

    public DbSet<LogFieldValue> FieldValues => Set<LogFieldValue>();

    public DbSet<LogAmendment> Amendments => Set<LogAmendment>();

    public DbSet<LogRead> Reads => Set<LogRead>();

    public DbSet<LogComment> Comments => Set<LogComment>();

    public DbSet<LogLike> Likes => Set<LogLike>();

    public DbSet<ChaseSent> ChasesSent => Set<ChaseSent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LogTemplate>(t =>
        {
            t.ToTable("Templates");
            t.HasKey(x => x.Id);
            t.Property(x => x.Name).HasMaxLength(LogTemplate.NameMaxLength).IsRequired();
            t.Property(x => x.Position).HasMaxLength(LogTemplate.PositionMaxLength);
            t.Property(x => x.Description).HasMaxLength(LogTemplate.DescriptionMaxLength);
            // Fields are only read with their template: one JSON column, not a table.
            JsonList<TemplateField>(t.Property<List<TemplateField>>("fields").HasColumnName("Fields"), 16_000);
            t.Ignore(x => x.Fields);
            t.HasIndex(x => new { x.Position, x.IsRetired });
        });
        modelBuilder.Entity<DailyLog>(l =>
        {
            l.ToTable("DailyLogs");
            l.HasKey(x => x.Id);
            l.Property(x => x.AuthorName).HasMaxLength(DailyLog.NameMaxLength).IsRequired();
            l.Property(x => x.TemplateName).HasMaxLength(LogTemplate.NameMaxLength);
            l.Property(x => x.Done).HasMaxLength(DailyLog.TextMaxLength);
            l.Property(x => x.Problems).HasMaxLength(DailyLog.TextMaxLength);
            l.Property(x => x.Plan).HasMaxLength(DailyLog.TextMaxLength);
            JsonList<TemplateField>(l.Property<List<TemplateField>>("templateFields").HasColumnName("TemplateFields"), 16_000);
            l.Ignore(x => x.TemplateFields);
            JsonList<LogAttachment>(l.Property<List<LogAttachment>>("attachments").HasColumnName("Attachments"), 4_000);
            l.Ignore(x => x.Attachments);
            l.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.LogId).OnDelete(DeleteBehavior.Restrict);
            l.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
            l.HasMany(x => x.FieldValues).WithOne().HasForeignKey(x => x.LogId).OnDelete(DeleteBehavior.Restrict);
            l.Navigation(x => x.FieldValues).UsePropertyAccessMode(PropertyAccessMode.Field);
            l.HasMany(x => x.Amendments).WithOne().HasForeignKey(x => x.LogId).OnDelete(DeleteBehavior.Restrict);
            l.Navigation(x => x.Amendments).UsePropertyAccessMode(PropertyAccessMode.Field);
            // One log per person per day; the day's statistics read a sub-branch's (or every) log of one day.
            l.HasIndex(x => new { x.AuthorId, x.Day }).IsUnique();
            l.HasIndex(x => new { x.SubBranchId, x.Day, x.State });
            l.HasIndex(x => new { x.Day, x.State });
        });
        modelBuilder.Entity<LogTaskLine>(x =>
        {
            x.ToTable("LogTaskLines");
            x.HasKey(e => e.Id);
            x.Property(e => e.TaskTitle).HasMaxLength(LogTaskLine.TitleMaxLength).IsRequired();
            x.Property(e => e.Unit).HasMaxLength(LogTaskLine.UnitMaxLength).IsRequired();
            x.Property(e => e.Note).HasMaxLength(DailyLog.LineNoteMaxLength);
            x.Property(e => e.Quantity).HasPrecision(18, 4);
            x.HasIndex(e => e.TaskId);
        });
        modelBuilder.Entity<LogFieldValue>(x =>
        {
            x.ToTable("LogFieldValues");
            x.HasKey(e => new { e.LogId, e.Key });
            x.Property(e => e.Key).HasMaxLength(TemplateField.KeyMaxLength);
            x.Property(e => e.Value).HasMaxLength(LogFieldValue.ValueMaxLength).IsRequired();
            x.HasIndex(e => new { e.Key, e.Value });
        });
        modelBuilder.Entity<LogAmendment>(x =>
        {
            x.ToTable("LogAmendments");
            x.HasKey(e => e.Id);
            x.Property(e => e.Text).HasMaxLength(LogAmendment.TextMaxLength).IsRequired();
        });
        modelBuilder.Entity<LogRead>(x =>
        {
            x.ToTable("LogReads");
            x.HasKey(e => new { e.LogId, e.ReaderId });
            x.Property(e => e.ReaderName).HasMaxLength(LogRead.NameMaxLength).IsRequired();
            x.HasOne<DailyLog>().WithMany().HasForeignKey(e => e.LogId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<LogComment>(x =>
        {
            x.ToTable("LogComments");
            x.HasKey(e => e.Id);
            x.Property(e => e.Text).HasMaxLength(LogComment.TextMaxLength).IsRequired();
            x.Property(e => e.AuthorName).HasMaxLength(LogComment.NameMaxLength).IsRequired();
            x.HasOne<DailyLog>().WithMany().HasForeignKey(e => e.LogId).OnDelete(DeleteBehavior.Restrict);
            x.HasIndex(e => new { e.LogId, e.WrittenAtUtc });
        });
        modelBuilder.Entity<LogLike>(x =>
        {
            x.ToTable("LogLikes");
            x.HasKey(e => new { e.LogId, e.UserId });
            x.Property(e => e.UserName).HasMaxLength(LogLike.NameMaxLength).IsRequired();
            x.HasOne<DailyLog>().WithMany().HasForeignKey(e => e.LogId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ChaseSent>(x =>
        {
            x.ToTable("ChasesSent");
            x.HasKey(e => new { e.UserId, e.Day, e.Kind });
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
