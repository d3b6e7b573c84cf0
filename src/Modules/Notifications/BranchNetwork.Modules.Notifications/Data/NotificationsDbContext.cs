using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;

namespace BranchNetwork.Modules.Notifications.Data;

internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options, IClock clock)
    : DbContext(options), IOutboxDbContext, IProcessedMessagesDbContext
{
    public const string Schema = "notifications";
    public const string Module = "Notifications";

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Announcement> Announcements => Set<Announcement>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(n =>
        {
            n.ToTable("Notifications");
            n.HasKey(x => x.Id);
            n.Property(x => x.Kind).HasMaxLength(Notification.KindMaxLength).IsRequired();
            n.Property(x => x.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired();
            n.Property(x => x.Body).HasMaxLength(Notification.BodyMaxLength).IsRequired();
            n.Property(x => x.Link).HasMaxLength(Notification.LinkMaxLength);
            n.Property(x => x.TitleKey).HasMaxLength(Notification.KeyMaxLength);
            n.Property(x => x.TitleArgs).HasMaxLength(Notification.ArgsMaxLength);
            n.Property(x => x.BodyKey).HasMaxLength(Notification.KeyMaxLength);
            n.Property(x => x.BodyArgs).HasMaxLength(Notification.ArgsMaxLength);
            n.HasIndex(x => new { x.RecipientId, x.ReadAtUtc, x.CreatedAtUtc });
            // One inbox entry per recipient per event item, even if a handler runs twice.
            n.HasIndex(x => new { x.SourceEventId, x.SourceItem, x.RecipientId }).IsUnique();
        });
        modelBuilder.Entity<Announcement>(a =>
        {
            a.ToTable("Announcements");
            a.HasKey(x => x.Id);
            a.Property(x => x.Title).HasMaxLength(Announcement.TitleMaxLength).IsRequired();
            a.Property(x => x.Body).HasMaxLength(Announcement.BodyMaxLength).IsRequired();
            a.Property(x => x.AuthorName).HasMaxLength(100).IsRequired();
            a.Property(x => x.Role).HasMaxLength(64);
            a.HasIndex(x => x.CreatedAtUtc);
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
