using BranchNetwork.Infrastructure.Persistence;

namespace BranchNetwork.Modules.Audit.Data;

/// <summary>The Audit module's data, in schema <c>audit</c>: the access log (AU-1). Append-only.</summary>
internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options, IClock clock) : DbContext(options)
{
    public const string Schema = "audit";

    public DbSet<AccessLogEntry> AccessLogEntries => Set<AccessLogEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccessLogEntry>(entry =>
        {
            entry.ToTable("AccessLogEntries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.Property(e => e.Kind).HasConversion<int>();
            entry.Property(e => e.UserName).HasMaxLength(AccessLogEntry.UserNameMaxLength);
            entry.Property(e => e.Roles).HasMaxLength(AccessLogEntry.RolesMaxLength);
            entry.Property(e => e.Ip).HasMaxLength(AccessLogEntry.IpMaxLength);
            entry.Property(e => e.Method).HasMaxLength(AccessLogEntry.MethodMaxLength);
            entry.Property(e => e.RouteTemplate).HasMaxLength(AccessLogEntry.RouteTemplateMaxLength);
            entry.Property(e => e.Path).HasMaxLength(AccessLogEntry.PathMaxLength);
            entry.Property(e => e.Detail).HasMaxLength(AccessLogEntry.DetailMaxLength);
            entry.HasIndex(e => e.TimeUtc);
            entry.HasIndex(e => e.UserName);
            entry.HasIndex(e => e.Status);
        });

        ModuleModel.Apply(modelBuilder, this, Schema);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The log is append-only: a change or deletion of an entry is a programming error, refused before it reaches the database.</summary>
    private void PrepareSave()
    {
        if (ChangeTracker.Entries<AccessLogEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Access-log entries are append-only: they are never updated or deleted.");
        }

        ModuleModel.StampChanges(ChangeTracker, clock.UtcNow);
    }
}
