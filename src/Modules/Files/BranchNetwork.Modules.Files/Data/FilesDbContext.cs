using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;

namespace BranchNetwork.Modules.Files.Data;

/// <summary>The Files module's data, in schema <c>files</c>: file records and, with the database store, their bytes.</summary>
internal sealed class FilesDbContext(DbContextOptions<FilesDbContext> options, IClock clock) : DbContext(options), IOutboxDbContext
{
    public const string Module = "Files";
    public const string Schema = "files";

    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<StoredFileContent> Contents => Set<StoredFileContent>();

    /// <summary>The module's outbox: today the audit trail of its changes (AU-2, ADR 0021).</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredFile>(file =>
        {
            // Table names are unique across modules: SQLite has no schemas.
            file.ToTable("StoredFiles");
            file.HasKey(f => f.Id);
            file.Property(f => f.Id).ValueGeneratedNever();
            file.Property(f => f.Purpose).HasMaxLength(StoredFile.PurposeMaxLength).IsRequired();
            file.Property(f => f.FileName).HasMaxLength(FileNames.ColumnLength).IsRequired();
            file.Property(f => f.ContentType).HasMaxLength(StoredFile.ContentTypeMaxLength).IsRequired();
            file.Property(f => f.Sha256).HasMaxLength(StoredFile.Sha256Length).IsRequired();
            file.Property(f => f.UploadedByName).HasMaxLength(StoredFile.UploaderNameMaxLength).IsRequired();
            file.Property(f => f.Kind).HasConversion<int>();
            file.Property(f => f.Location).HasConversion<int>();
            file.HasIndex(f => new { f.Purpose, f.OwnerId });
            // The orphan sweep: pending uploads (no owner) older than the cut-off.
            file.HasIndex(f => new { f.OwnerId, f.CreatedAtUtc });
        });

        modelBuilder.Entity<StoredFileContent>(content =>
        {
            content.ToTable("StoredFileContents");
            content.HasKey(c => c.FileId);
            // varbinary(max) / bytea / BLOB: one blob per file, never indexed.
            content.Property(c => c.Content).IsRequired();
            content.HasOne<StoredFile>().WithOne().HasForeignKey<StoredFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.AddOutbox(Module);
        ModuleModel.Apply(modelBuilder, this, Schema);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ModuleModel.StampChanges(ChangeTracker, clock.UtcNow);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ModuleModel.StampChanges(ChangeTracker, clock.UtcNow);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }
}
