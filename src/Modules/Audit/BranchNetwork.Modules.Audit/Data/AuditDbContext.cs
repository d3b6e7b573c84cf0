using BranchNetwork.Infrastructure.Auditing;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;

namespace BranchNetwork.Modules.Audit.Data;

/// <summary>
/// The Audit module's data, in schema <c>audit</c>: the access log (AU-1) and the audit trail (AU-2), each a hash
/// chain with its head and signed checkpoints (AU-3). The records are append-only.
/// </summary>
internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options, IClock clock)
    : DbContext(options), IOutboxDbContext, IProcessedMessagesDbContext
{
    public const string Schema = "audit";
    public const string Module = "Audit";

    public DbSet<AccessLogEntry> AccessLogEntries => Set<AccessLogEntry>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<ChainHead> ChainHeads => Set<ChainHead>();

    public DbSet<ChainCheckpoint> ChainCheckpoints => Set<ChainCheckpoint>();

    // au3-chain: where each chain legitimately starts after retention archived its oldest records.
    public DbSet<ChainArchive> ChainArchives => Set<ChainArchive>();
    // au5-policies
    public DbSet<AccessPolicy> AccessPolicies => Set<AccessPolicy>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

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
            entry.Property(e => e.PrevHash).HasMaxLength(ChainHash.Length).IsRequired();
            entry.Property(e => e.Hash).HasMaxLength(ChainHash.Length).IsRequired();
            entry.HasIndex(e => e.Seq).IsUnique();
            entry.HasIndex(e => e.TimeUtc);
            entry.HasIndex(e => new { e.UserName, e.TimeUtc });
            entry.HasIndex(e => e.Status);
        });

        modelBuilder.Entity<AuditRecord>(record =>
        {
            record.ToTable("AuditRecords");
            record.HasKey(r => r.Id);
            record.Property(r => r.Id).ValueGeneratedNever();
            record.Property(r => r.ActorKind).HasConversion<int>();
            record.Property(r => r.ActorName).HasMaxLength(AuditRecord.ActorNameMaxLength);
            record.Property(r => r.ActorRoles).HasMaxLength(AuditRecord.RolesMaxLength);
            record.Property(r => r.Module).HasMaxLength(AuditRecord.ModuleMaxLength).IsRequired();
            record.Property(r => r.EntityType).HasMaxLength(AuditRecord.EntityTypeMaxLength).IsRequired();
            record.Property(r => r.EntityId).HasMaxLength(AuditRecord.EntityIdMaxLength);
            record.Property(r => r.Operation).HasMaxLength(AuditRecord.OperationMaxLength).IsRequired();
            record.Property(r => r.CorrelationId).HasMaxLength(AuditRecord.CorrelationIdMaxLength);
            record.Property(r => r.Changes).HasMaxLength(AuditRecord.ChangesMaxLength);
            record.Property(r => r.Detail).HasMaxLength(AuditRecord.DetailMaxLength);
            record.Property(r => r.PrevHash).HasMaxLength(ChainHash.Length).IsRequired();
            record.Property(r => r.Hash).HasMaxLength(ChainHash.Length).IsRequired();
            record.HasIndex(r => r.Seq).IsUnique();
            record.HasIndex(r => r.TimeUtc);
            record.HasIndex(r => new { r.ActorUserId, r.TimeUtc });
            record.HasIndex(r => new { r.Module, r.EntityType, r.EntityId });
        });

        // au4-console: indexes for the auditor's console (AU-4). Every search has a time window and is read newest first
        // by (TimeUtc, Id); each filter leads its own index with the window behind it. Entity history reads in chain order.
        modelBuilder.Entity<AuditRecord>(record =>
        {
            record.HasIndex(r => new { r.TimeUtc, r.Id });
            record.HasIndex(r => new { r.ActorName, r.TimeUtc });
            record.HasIndex(r => new { r.ActorUnitId, r.TimeUtc });
            record.HasIndex(r => new { r.Module, r.TimeUtc });
            record.HasIndex(r => new { r.EntityType, r.EntityId, r.TimeUtc });
            record.HasIndex(r => new { r.Operation, r.TimeUtc });
            record.HasIndex(r => new { r.Module, r.EntityType, r.EntityId, r.Seq });
        });
        modelBuilder.Entity<AccessLogEntry>(entry =>
        {
            entry.HasIndex(e => new { e.TimeUtc, e.Id });
            entry.HasIndex(e => new { e.UserId, e.TimeUtc });
            entry.HasIndex(e => new { e.UnitId, e.TimeUtc });
            entry.HasIndex(e => new { e.RouteTemplate, e.TimeUtc });
            entry.HasIndex(e => new { e.Status, e.TimeUtc });
        });

        modelBuilder.Entity<ChainHead>(head =>
        {
            head.ToTable("ChainHeads");
            head.HasKey(h => h.Chain);
            head.Property(h => h.Chain).HasMaxLength(ChainNames.MaxLength);
            head.Property(h => h.Hash).HasMaxLength(ChainHash.Length).IsRequired();
            head.HasData(
                new { Chain = ChainNames.Trail, Seq = 0L, Hash = ChainHash.Genesis },
                new { Chain = ChainNames.AccessLog, Seq = 0L, Hash = ChainHash.Genesis });
        });

        modelBuilder.Entity<ChainCheckpoint>(checkpoint =>
        {
            checkpoint.ToTable("ChainCheckpoints");
            checkpoint.HasKey(c => c.Id);
            checkpoint.Property(c => c.Id).ValueGeneratedNever();
            checkpoint.Property(c => c.Chain).HasMaxLength(ChainNames.MaxLength).IsRequired();
            checkpoint.Property(c => c.Hash).HasMaxLength(ChainHash.Length).IsRequired();
            checkpoint.Property(c => c.KeyId).HasMaxLength(ChainCheckpoint.KeyIdMaxLength).IsRequired();
            checkpoint.Property(c => c.Signature).HasMaxLength(ChainCheckpoint.SignatureMaxLength).IsRequired();
            checkpoint.HasIndex(c => new { c.Chain, c.Seq });
        });

        // au2-trail: the access log, the trail and their chains are the audit itself, not audited again (ADR 0021);
        // everything else of this module (e.g. access policies) is audited like any module's data.
        modelBuilder.Entity<AccessLogEntry>().IsNotAudited();
        modelBuilder.Entity<AuditRecord>().IsNotAudited();
        modelBuilder.Entity<ChainHead>().IsNotAudited();
        modelBuilder.Entity<ChainCheckpoint>().IsNotAudited();
        modelBuilder.Entity<ChainArchive>().IsNotAudited();
        // au3-chain: archive anchors (retention, AU-4); append-only like the records they replace.
        modelBuilder.Entity<ChainArchive>(archive =>
        {
            archive.ToTable("ChainArchives");
            archive.HasKey(a => a.Id);
            archive.Property(a => a.Id).ValueGeneratedNever();
            archive.Property(a => a.Chain).HasMaxLength(ChainNames.MaxLength).IsRequired();
            archive.Property(a => a.LastHash).HasMaxLength(ChainHash.Length).IsRequired();
            archive.Property(a => a.FileName).HasMaxLength(ChainArchive.FileNameMaxLength).IsRequired();
            archive.HasIndex(a => new { a.Chain, a.LastSeq }).IsUnique();
        });

        // au5-policies: the SecurityAdmin's access policies (AU-5); ordinary rows, changed in place, covered by the trail.
        modelBuilder.Entity<AccessPolicy>(policy =>
        {
            policy.ToTable("AccessPolicies");
            policy.HasKey(p => p.Id);
            policy.Property(p => p.Id).ValueGeneratedNever();
            policy.Property(p => p.Name).HasMaxLength(AccessPolicy.NameMaxLength).IsRequired();
            policy.Property(p => p.Kind).HasConversion<int>();
            policy.Property(p => p.PathPatterns).HasMaxLength(AccessPolicy.ListMaxLength).IsRequired();
            policy.Property(p => p.Roles).HasMaxLength(AccessPolicy.ListMaxLength).IsRequired();
            policy.Property(p => p.AllowedNetworks).HasMaxLength(AccessPolicy.ListMaxLength).IsRequired();
            policy.Property(p => p.FileExtensions).HasMaxLength(AccessPolicy.ListMaxLength).IsRequired();
            policy.Property(p => p.LinkDomains).HasMaxLength(AccessPolicy.ListMaxLength).IsRequired();
            policy.HasIndex(p => p.Name).IsUnique();
        });

        modelBuilder.AddOutbox(Module);
        modelBuilder.AddProcessedMessages(Module);
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

    /// <summary>Records are append-only: a change or deletion through the context is a programming error, refused before it reaches the database.</summary>
    private void PrepareSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IChainRecord or ChainCheckpoint or ChainArchive && (entry.State is EntityState.Modified or EntityState.Deleted))
            {
                throw new InvalidOperationException("Audit records, access-log entries and checkpoints are append-only: they are never updated or deleted.");
            }
        }

        ModuleModel.StampChanges(ChangeTracker, clock.UtcNow);
    }
}
